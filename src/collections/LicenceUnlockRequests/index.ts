import {
  type Access,
  type CollectionBeforeChangeHook,
  type CollectionConfig,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import { systemAdminOnly } from '../../access/predicates'
import { agencyIdOf, hasAnyRole, idOf, officerOf } from '../../access/user'
import { label } from '../../fields/label'
import { periodFields } from '../../fields/period'
import {
  isValidPeriod,
  UNLOCK_STATE_LABELS,
  UNLOCK_STATES,
  type UnlockState,
  unlockRequestBlockedReason,
  unlockTransition,
  unlockWindowEndsAt,
} from '../../lib/licenceReport'
import { bilingual } from '../../lib/messages'
import { loadWorkingCalendar } from '../ExtraHolidays/calendar'
import { mayReport, readUnitDocuments } from '../LicenceReports/access'
import { loadPeriodState } from '../LicenceReports/periodState'
import { actsForUnit, notYourUnit, resolveReportingUnit } from '../LicenceReports/reportingRight'
import { licenceNow, unlockApprover } from '../LicenceReports/settings'
import { LicenceRuleError } from '../LicenceReports/errors'

export const LICENCE_UNLOCK_REQUESTS = 'licence-unlock-requests'

type Doc = Record<string, unknown>

/**
 * Who decides: with LICENCE_UNLOCK_APPROVER=central (default) a central officer of the request's
 * department itself; with `opdc` an OPDC officer. A Where for the approver's requests, or false.
 */
export const decidableByApprover = (req: PayloadRequest) => {
  if (unlockApprover() === 'opdc') return hasAnyRole(req, 'opdc-officer')
  const agency = agencyIdOf(req)
  return hasAnyRole(req, 'central-officer') && agency !== null ? { agency: { equals: agency } } : false
}

const read: Access = async (args) => {
  const base = await readUnitDocuments(args)
  if (base === true) return true
  const approver = decidableByApprover(args.req)
  if (approver === true) return true
  const parts = [base, approver].filter((p) => p && typeof p === 'object')
  return parts.length === 0 ? false : parts.length === 1 ? (parts[0] as never) : { or: parts as never }
}

/** What the unit asked: fixed once made; the approver only adds the decision. */
const REQUEST_FIELDS = ['servicePoint', 'agency', 'year', 'month', 'reason']

/**
 * คำขอปลดล็อค: create only by the unit holding the reporting right, only for a locked period,
 * never once the period has been unlocked (one-unlock rule). Decide only by the approver, once.
 */
const guardUnlockRequest: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const officer = officerOf(req)
  const now = licenceNow(req)
  if (operation === 'create') {
    const unit = await resolveReportingUnit(req, data, LICENCE_UNLOCK_REQUESTS)
    if (officer && !actsForUnit(req, unit)) throw notYourUnit()
    const period = { year: Number(data.year), month: Number(data.month) }
    if (!isValidPeriod(period)) {
      throw new ValidationError({
        collection: LICENCE_UNLOCK_REQUESTS,
        errors: [{ path: 'month', message: bilingual('กรุณาระบุปี (ค.ศ.) และเดือน (1-12)', 'Give the year (CE) and month (1-12)') }],
        req,
      })
    }
    if (typeof data.reason !== 'string' || !data.reason.trim()) {
      throw new ValidationError({
        collection: LICENCE_UNLOCK_REQUESTS,
        errors: [{ path: 'reason', message: bilingual('กรุณาระบุเหตุผลในการขอปลดล็อค', 'Give the reason for the unlock request') }],
        req,
      })
    }
    const blocked = unlockRequestBlockedReason(await loadPeriodState(req, unit.key, period))
    if (blocked) throw new LicenceRuleError(blocked, 409)
    return {
      ...data,
      agency: unit.agency,
      servicePoint: unit.servicePoint,
      unitKey: unit.key,
      reason: data.reason.trim(),
      state: 'requested',
      requestedBy: officer?.id ?? null,
      requestedAt: now.toISOString(),
      decidedAt: null,
      decidedBy: null,
      windowEndsAt: null,
    }
  }

  const before = originalDoc as Doc
  const changed = REQUEST_FIELDS.filter((key) => key in data && String(idOf(data[key]) ?? '') !== String(idOf(before[key]) ?? ''))
  if (changed.length) {
    throw new LicenceRuleError(bilingual('แก้ไขคำขอปลดล็อคที่ยื่นแล้วไม่ได้', 'An unlock request cannot be edited once made'), 403)
  }
  if (officer && String(idOf(before.requestedBy)) === String(officer.id)) {
    throw new LicenceRuleError(bilingual('ผู้ยื่นคำขอพิจารณาคำขอของตนเองไม่ได้', 'You may not decide your own unlock request'), 403)
  }
  const from = before.state as UnlockState
  const to = (data.state ?? from) as UnlockState
  const move = unlockTransition(from, to)
  if (!move.ok) throw new LicenceRuleError(move.message, 409)
  if (from !== to) {
    data.decidedAt = now.toISOString()
    data.decidedBy = officer?.id ?? null
    data.windowEndsAt = to === 'approved' ? unlockWindowEndsAt(now, await loadWorkingCalendar(req)).toISOString() : null
  }
  return data
}

const systemOnly = { create: () => false, update: () => false }

export const LicenceUnlockRequests: CollectionConfig = {
  slug: LICENCE_UNLOCK_REQUESTS,
  labels: { singular: label('คำขอปลดล็อครายงาน', 'Unlock request'), plural: label('คำขอปลดล็อครายงาน', 'Unlock requests') },
  admin: {
    useAsTitle: 'reason',
    defaultColumns: ['servicePoint', 'agency', 'year', 'month', 'state', 'windowEndsAt', 'createdAt'],
    group: label('รายงานการออกใบอนุญาต', 'Licence reports'),
  },
  access: {
    read,
    create: mayReport,
    // Only the approver updates, and only the decision (checked by the hook).
    update: ({ req }) => decidableByApprover(req),
    delete: systemAdminOnly,
  },
  hooks: { beforeChange: [guardUnlockRequest] },
  defaultSort: '-createdAt',
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'servicePoint',
          type: 'relationship',
          relationTo: 'service-points',
          index: true,
          label: label('จุดบริการ', 'Service point'),
          defaultValue: ({ user }: { user?: { servicePoint?: unknown } | null }) => idOf(user?.servicePoint) ?? undefined,
        },
        {
          name: 'agency',
          type: 'relationship',
          relationTo: 'agencies',
          index: true,
          label: label('หน่วยงาน (กรม)', 'Department'),
          defaultValue: ({ user }: { user?: { agency?: unknown } | null }) => idOf(user?.agency) ?? undefined,
        },
      ],
    },
    periodFields(),
    { name: 'reason', type: 'textarea', required: true, label: label('เหตุผลในการขอปลดล็อค', 'Reason for the request') },
    {
      name: 'state',
      type: 'select',
      // Not `required`: GraphQL would then demand it on create; the hook sets it.
      defaultValue: 'requested',
      index: true,
      label: label('ผลการพิจารณา', 'Decision'),
      options: UNLOCK_STATES.map((value) => ({ value, label: UNLOCK_STATE_LABELS[value] })),
      admin: { position: 'sidebar' },
    },
    { name: 'decisionComment', type: 'textarea', label: label('ความเห็นผู้พิจารณา', "Approver's comment") },
    {
      name: 'windowEndsAt',
      type: 'date',
      label: label('รายงานได้ถึง (5 วันทำการ)', 'Editable until (5 working days)'),
      access: systemOnly,
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'requestedAt', type: 'date', label: label('ยื่นเมื่อ', 'Requested at'), access: systemOnly, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: label('ผู้ยื่นคำขอ', 'Requested by'), access: systemOnly, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'decidedAt', type: 'date', label: label('พิจารณาเมื่อ', 'Decided at'), access: systemOnly, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'decidedBy', type: 'relationship', relationTo: 'users', label: label('ผู้พิจารณา', 'Decided by'), access: systemOnly, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'unitKey', type: 'text', index: true, access: systemOnly, admin: { hidden: true } },
  ],
}
