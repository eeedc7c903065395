import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { idOf, officerOf } from '../../access/user'
import { decisionDueAt, delayState, generateTrackingCode, nextNoticeDueAt, normalizeTrackingCode } from '../../lib/delay'
import { bilingual } from '../../lib/messages'
import { agencyOfServicePoint } from './access'
import { addThaiWorkingDays } from './workingTime'

type Notice = { sentAt?: string | null }
type CaseData = {
  trackingCode?: string
  process?: unknown
  manual?: unknown
  servicePoint?: unknown
  agency?: unknown
  receivedAt?: string | null
  statedDuration?: number | null
  statedDurationUnit?: string | null
  dueAt?: string | null
  notices?: Notice[] | null
  decision?: { decidedAt?: string | null; outcome?: string | null } | null
  nextNoticeDueAt?: string | null
  state?: string
}

const time = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null
  const t = new Date(value as string).getTime()
  return Number.isNaN(t) ? null : t
}

/**
 * Keeps a case's derived fields true on every save (REST, GraphQL, admin, Local API): the
 * tracking code (once, at creation), the agency (the service point's), the manual's stated time
 * and the due date (fixed when the application was received: a later manual revision does not
 * move it), the next notice date and the state.
 */
export const deriveCaseFields: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const doc = data as CaseData
  const before = (originalDoc ?? {}) as CaseData
  const errors: Array<{ path: string; message: string }> = []

  if (operation === 'create') {
    // Officers never choose a code; a seed or import (system write, no user) may give one, such as
    // the demo's documented code or one carried over from an earlier system: `context.trackingCode`.
    const given = req.context?.systemWrite === true && !officerOf(req) ? req.context.trackingCode : undefined
    const code = given === undefined ? generateTrackingCode() : normalizeTrackingCode(given)
    if (!code) {
      throw new ValidationError({
        collection: 'delay-notices',
        errors: [
          {
            path: 'trackingCode',
            message: bilingual('รหัสติดตามเรื่องต้องเป็นอักขระ Crockford base32 จำนวน 10 ตัว', 'A tracking code is 10 Crockford base32 characters'),
          },
        ],
        req,
      })
    }
    doc.trackingCode = code
  } else {
    doc.trackingCode = before.trackingCode
  }

  const servicePoint = doc.servicePoint ?? before.servicePoint
  doc.agency = await agencyOfServicePoint(req, servicePoint)

  const manualId = idOf(doc.manual ?? before.manual)
  const receivedAt = doc.receivedAt ?? before.receivedAt
  const manualChanged = operation === 'create' || String(manualId) !== String(idOf(before.manual))
  if (manualChanged && manualId !== null) {
    // The published revision's stated time is what the applicant was promised.
    const manual = await req.payload
      .findByID({ collection: 'manuals', id: manualId, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    if (!manual) {
      errors.push({ path: 'manual', message: bilingual('ไม่พบคู่มือที่เลือก', 'The chosen manual does not exist') })
    } else {
      if (String(idOf(manual.process)) !== String(idOf(doc.process ?? before.process))) {
        errors.push({
          path: 'manual',
          message: bilingual('คู่มือที่เลือกไม่ใช่คู่มือของกระบวนงานนี้', 'The manual is not one of this process'),
        })
      }
      doc.statedDuration = (manual.totalDuration as number | null | undefined) ?? null
      doc.statedDurationUnit = (manual.totalDurationUnit as string | null | undefined) ?? null
    }
  }

  const receivedTime = time(receivedAt)
  const dueAt =
    receivedTime === null
      ? null
      : decisionDueAt(new Date(receivedTime), { totalDuration: doc.statedDuration, totalDurationUnit: doc.statedDurationUnit }, addThaiWorkingDays)
  if (manualId !== null && receivedTime !== null && !dueAt && !errors.some((e) => e.path === 'manual')) {
    errors.push({
      path: 'manual',
      message: bilingual(
        'คู่มือนี้ไม่ได้ระบุระยะเวลาดำเนินการรวม จึงคำนวณวันครบกำหนดไม่ได้',
        'This manual states no total processing time, so no due date can be computed',
      ),
    })
  }
  doc.dueAt = dueAt ? dueAt.toISOString() : null

  const notices = doc.notices ?? []
  notices.forEach((notice, index) => {
    const sent = time(notice.sentAt)
    if (sent !== null && receivedTime !== null && sent < receivedTime) {
      errors.push({
        path: `notices.${index}.sentAt`,
        message: bilingual('วันที่แจ้งต้องไม่ก่อนวันที่รับคำขอ', 'A notice cannot be sent before the application was received'),
      })
    }
  })

  const decision = doc.decision ?? {}
  const decidedAt = time(decision.decidedAt)
  if (decidedAt === null && time(before.decision?.decidedAt) !== null) {
    errors.push({
      path: 'decision.decidedAt',
      message: bilingual('เรื่องที่พิจารณาแล้วเสร็จไม่อาจยกเลิกวันที่พิจารณาได้', 'A decided case cannot lose its decision date'),
    })
  }
  if ((decidedAt === null) !== !decision.outcome) {
    errors.push({
      path: decidedAt === null ? 'decision.decidedAt' : 'decision.outcome',
      message: bilingual('กรุณาระบุทั้งวันที่และผลการพิจารณา', 'Give both the decision date and its outcome'),
    })
  }
  if (decidedAt !== null && receivedTime !== null && decidedAt < receivedTime) {
    errors.push({
      path: 'decision.decidedAt',
      message: bilingual('วันที่พิจารณาแล้วเสร็จต้องไม่ก่อนวันที่รับคำขอ', 'The decision cannot come before the application was received'),
    })
  }

  if (errors.length) throw new ValidationError({ collection: 'delay-notices', errors, req })

  const next = nextNoticeDueAt({ dueAt, notices, decidedAt: decision.decidedAt })
  doc.nextNoticeDueAt = next ? next.toISOString() : null
  doc.state = delayState({ nextNoticeDueAt: next, decidedAt: decision.decidedAt, now: new Date() })
  return doc
}
