import type { Access, CollectionConfig, Where } from 'payload'

import { anyOf, createInOwnAgency, isSystemAdmin, sameAgency, seesEverything } from '../../access/predicates'
import { agencyScopeWhere, servicePointScopeIds } from '../../access/scope'
import { hasAnyRole, officerOf } from '../../access/user'
import { agencyField } from '../../fields/agency'
import { label } from '../../fields/label'
import { legacyIdField } from '../../fields/legacyId'
import { provinceField } from '../../fields/province'
import { preventParentCycle } from '../../hooks/preventParentCycle'
import { isDistrictOf, isSubdistrictOf } from '../../lib/geography'
import { bilingual } from '../../lib/messages'
import { duplicateDetailRows, isPinned } from '../../lib/pinning'
import { isValidLatitude, isValidLongitude, isValidTime, WEEKDAYS } from '../../lib/servicePoint'
import { nearbyEndpoint } from './endpoints'
import { servicePointPosterEndpoint } from './posterEndpoint'
import { posterField } from '../SurveyResponses/posterField'
import { hideUnreadablePinDetails, hideUnreadablePinnedManuals } from './pinning'
import { servicePointTokensAfterChange, servicePointTokensBeforeDelete } from '../RoleTokens/automatic'

const present = (v: unknown) => v !== null && v !== undefined && v !== ''

/** A service point is public while it is visible ("การแสดงผล") and not closed. */
export const PUBLIC_SERVICE_POINT: Where = {
  and: [{ visible: { equals: true } }, { status: { equals: 'active' } }],
}

const ownServicePoints = async (req: Parameters<Access>[0]['req']): Promise<Where | false> => {
  if (!hasAnyRole(req, 'service-point-officer')) return false
  const ids = await servicePointScopeIds(req)
  return ids.length ? { id: { in: ids } } : false
}

const read: Access = async ({ req }) => {
  if (!officerOf(req)) return PUBLIC_SERVICE_POINT
  if (seesEverything(req)) return true
  const agencyWide = hasAnyRole(req, 'central-officer', 'manual-author', 'manual-reviewer')
    ? await agencyScopeWhere(req)
    : false
  return anyOf(PUBLIC_SERVICE_POINT, agencyWide, await ownServicePoints(req))
}

const update: Access = async (args) => {
  if (isSystemAdmin(args.req)) return true
  return anyOf(await sameAgency(['central-officer'])(args), await ownServicePoints(args.req))
}

/** จุดบริการ: the units of a department or local government where citizens are served. */
export const ServicePoints: CollectionConfig = {
  slug: 'service-points',
  labels: { singular: label('จุดบริการ', 'Service point'), plural: label('จุดบริการ', 'Service points') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'agency', 'province', 'visible', 'status'],
    group: label('หน่วยงานและโครงสร้าง', 'Agencies and structure'),
    listSearchableFields: ['name', 'nameEn'],
  },
  access: {
    read,
    create: createInOwnAgency(['central-officer']),
    update,
    delete: sameAgency(['central-officer']),
  },
  // Lean when another document populates a point: no opening hours, pins or details.
  defaultPopulate: { name: true, agency: true, province: true, district: true, phone: true, location: true, visible: true, status: true },
  hooks: {
    beforeChange: [preventParentCycle('service-points')],
    // Its service-point officer token (จัดการ Token) comes, moves and goes with the point.
    afterChange: [servicePointTokensAfterChange],
    beforeDelete: [servicePointTokensBeforeDelete],
  },
  endpoints: [nearbyEndpoint, servicePointPosterEndpoint],
  fields: [
    posterField,
    legacyIdField(),
    { name: 'name', type: 'text', required: true, label: label('ชื่อจุดบริการ', 'Name') },
    { name: 'nameEn', type: 'text', label: label('ชื่อจุดบริการ (อังกฤษ)', 'Name (English)') },
    agencyField(),
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'service-points',
      index: true,
      label: label('จุดบริการต้นสังกัด', 'Parent service point'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'visible',
          type: 'checkbox',
          defaultValue: true,
          index: true,
          label: label('การแสดงผล', 'Visible to citizens'),
        },
        {
          name: 'status',
          type: 'select',
          defaultValue: 'active',
          required: true,
          index: true,
          options: [
            { value: 'active', label: label('เปิดให้บริการ', 'Active') },
            { value: 'closed', label: label('ปิดให้บริการ', 'Closed') },
          ],
          label: label('สถานะ', 'Status'),
        },
      ],
    },
    { name: 'address', type: 'textarea', label: label('ที่อยู่', 'Address') },
    provinceField({ required: true }),
    {
      type: 'row',
      fields: [
        {
          name: 'district',
          type: 'text',
          label: label('อำเภอ/เขต', 'District'),
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            !value || !siblingData?.province || isDistrictOf(String(siblingData.province), String(value))
              ? true
              : bilingual(`ไม่พบอำเภอ "${String(value)}" ในจังหวัดนี้`, `"${String(value)}" is not a district of this province`),
        },
        {
          name: 'subdistrict',
          type: 'text',
          label: label('ตำบล/แขวง', 'Subdistrict'),
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            !value ||
            !siblingData?.district ||
            !siblingData?.province ||
            isSubdistrictOf(String(siblingData.province), String(siblingData.district), String(value))
              ? true
              : bilingual(`ไม่พบตำบล "${String(value)}" ในอำเภอนี้`, `"${String(value)}" is not a subdistrict of this district`),
        },
        { name: 'postcode', type: 'text', label: label('รหัสไปรษณีย์', 'Postcode') },
      ],
    },
    {
      name: 'location',
      type: 'group',
      label: label('พิกัด', 'Location'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'lat',
              type: 'number',
              label: label('ละติจูด', 'Latitude'),
              validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
                if (!present(value))
                  return present(siblingData?.lng)
                    ? bilingual('กรุณาระบุละติจูดคู่กับลองจิจูด', 'Give the latitude together with the longitude')
                    : true
                return isValidLatitude(Number(value))
                  ? true
                  : bilingual('ละติจูดต้องอยู่ในประเทศไทย (5.5 ถึง 20.5)', 'Latitude must be within Thailand (5.5 to 20.5)')
              },
            },
            {
              name: 'lng',
              type: 'number',
              label: label('ลองจิจูด', 'Longitude'),
              validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
                if (!present(value))
                  return present(siblingData?.lat)
                    ? bilingual('กรุณาระบุลองจิจูดคู่กับละติจูด', 'Give the longitude together with the latitude')
                    : true
                return isValidLongitude(Number(value))
                  ? true
                  : bilingual('ลองจิจูดต้องอยู่ในประเทศไทย (97.3 ถึง 105.7)', 'Longitude must be within Thailand (97.3 to 105.7)')
              },
            },
          ],
        },
      ],
    },
    {
      name: 'openingHours',
      type: 'array',
      label: label('วันและเวลาทำการ', 'Opening hours'),
      labels: { singular: label('ช่วงเวลา', 'Period'), plural: label('ช่วงเวลา', 'Periods') },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'day',
              type: 'select',
              required: true,
              options: WEEKDAYS.map((d) => ({ value: d.value, label: label(d.th, d.en) })),
              label: label('วัน', 'Day'),
            },
            {
              name: 'opens',
              type: 'text',
              label: label('เปิด (HH:MM)', 'Opens (HH:MM)'),
              validate: (v: unknown) =>
                !v || isValidTime(String(v)) ? true : bilingual('เวลาต้องอยู่ในรูปแบบ HH:MM', 'Time must be HH:MM'),
            },
            {
              name: 'closes',
              type: 'text',
              label: label('ปิด (HH:MM)', 'Closes (HH:MM)'),
              validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
                if (!v) return true
                if (!isValidTime(String(v))) return bilingual('เวลาต้องอยู่ในรูปแบบ HH:MM', 'Time must be HH:MM')
                if (siblingData?.opens && String(v) <= String(siblingData.opens))
                  return bilingual('เวลาปิดต้องหลังเวลาเปิด', 'Closing time must be after opening time')
                return true
              },
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', label: label('โทรศัพท์', 'Phone') },
        { name: 'email', type: 'email', label: label('อีเมล', 'Email') },
      ],
    },
    {
      name: 'manuals',
      type: 'relationship',
      relationTo: 'manuals',
      hasMany: true,
      index: true,
      label: label('คู่มือที่ให้บริการ (ปักหมุด)', 'Pinned manuals'),
      hooks: { afterRead: [hideUnreadablePinnedManuals] },
      admin: { description: label('เชื่อมโยงกระบวนงาน: คู่มือสำหรับประชาชนที่จุดบริการนี้ให้บริการ', 'The citizen manuals this service point offers') },
    },
    {
      name: 'pinDetails',
      type: 'array',
      label: label('รายละเอียดเฉพาะจุดบริการ', 'Details at this location'),
      hooks: { afterRead: [hideUnreadablePinDetails] },
      admin: {
        description: label(
          'เวลา เบอร์โทร หรือค่าธรรมเนียมที่ต่างจากคู่มือ สำหรับคู่มือที่ปักหมุดไว้',
          'Hours, phone or fee notes that differ from the manual at this location',
        ),
      },
      fields: [
        {
          name: 'manual',
          type: 'relationship',
          relationTo: 'manuals',
          required: true,
          label: label('คู่มือ', 'Manual'),
          // Details belong to a pin: a detail row for a manual the point does not offer would mislead.
          validate: (value: unknown, { data, path }: { data: Record<string, unknown>; path?: Array<string | number> }) => {
            if (!isPinned(value, data?.manuals))
              return bilingual('คู่มือนี้ยังไม่ได้ปักหมุดไว้ที่จุดบริการนี้', 'This manual is not pinned to this service point')
            const rows = (data?.pinDetails as Array<{ manual?: unknown }>) ?? []
            return duplicateDetailRows(rows).includes(Number(path?.[1]))
              ? bilingual('มีรายละเอียดของคู่มือนี้แล้ว', 'This manual already has details at this location')
              : true
          },
        },
        { name: 'hours', type: 'text', label: label('วันเวลาให้บริการ', 'Service hours') },
        { name: 'phone', type: 'text', label: label('โทรศัพท์', 'Phone') },
        { name: 'feeNote', type: 'text', label: label('หมายเหตุค่าธรรมเนียม', 'Fee note') },
      ],
    },
  ],
}
