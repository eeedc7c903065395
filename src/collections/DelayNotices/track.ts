import type { Endpoint, PayloadRequest } from 'payload'

import { delayState, formatTrackingCode, lastNoticeAt, normalizeTrackingCode } from '../../lib/delay'
import { bilingual } from '../../lib/messages'
import { limitTrackingLookup } from './trackRateLimit'

type Named = { name?: string | null; nameEn?: string | null; phone?: string | null } | number | string | null | undefined
type Notice = { sentAt?: string | null; reasonGiven?: string | null; expectedDecisionAt?: string | null }

/** The one body for every code that finds nothing: it must not tell a malformed code from an unknown one. */
const NOT_FOUND = {
  errors: [
    {
      message: bilingual(
        'ไม่พบเรื่องตามรหัสติดตามนี้ กรุณาตรวจสอบรหัสในหนังสือที่ได้รับ',
        'No application matches this tracking code; check the code on your letter',
      ),
    },
  ],
}

const named = (value: Named, withPhone = false) =>
  value && typeof value === 'object'
    ? { name: value.name ?? null, nameEn: value.nameEn ?? null, ...(withPhone ? { phone: value.phone ?? null } : {}) }
    : null

/**
 * GET /api/delay-notices/track?code=<trackingCode>: the public status of one delayed
 * application (state, the reason last given, the last and next notice dates, the expected
 * decision date). Citizens have no read access to the collection, so the lookup runs with
 * overrideAccess and a `select` of non-personal fields, and the answer is built field by field:
 * the applicant's contact details, the internal reason and the officers' notes never leave.
 */
export const delayTrackEndpoint: Endpoint = {
  path: '/track',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const limited = await limitTrackingLookup(req)
    if (limited) return limited

    const raw = (req.query as Record<string, unknown>)?.code
    if (raw === undefined || raw === '') {
      return Response.json(
        { errors: [{ message: bilingual('กรุณาระบุรหัสติดตามเรื่อง', 'Give a tracking code'), data: { errors: [{ path: 'code' }] } }] },
        { status: 400 },
      )
    }
    const code = normalizeTrackingCode(raw)
    if (!code) return Response.json(NOT_FOUND, { status: 404 })

    const found = await req.payload.find({
      collection: 'delay-notices',
      where: { trackingCode: { equals: code } },
      limit: 1,
      depth: 1,
      overrideAccess: true,
      req,
      select: {
        trackingCode: true,
        process: true,
        servicePoint: true,
        agency: true,
        receivedAt: true,
        dueAt: true,
        nextNoticeDueAt: true,
        state: true,
        notices: { sentAt: true, reasonGiven: true, expectedDecisionAt: true },
        decision: { decidedAt: true },
      },
      populate: {
        processes: { name: true },
        'service-points': { name: true, nameEn: true, phone: true },
        agencies: { name: true, nameEn: true },
      },
    })
    const doc = found.docs[0] as Record<string, unknown> | undefined
    if (!doc) return Response.json(NOT_FOUND, { status: 404 })

    const notices = ((doc.notices as Notice[] | null) ?? [])
      .filter((n) => n.sentAt)
      .sort((a, b) => new Date(a.sentAt!).getTime() - new Date(b.sentAt!).getTime())
    const latest = notices[notices.length - 1]
    const last = lastNoticeAt(notices)
    const decidedAt = (doc.decision as { decidedAt?: string | null } | undefined)?.decidedAt ?? null

    return Response.json(
      {
        trackingCode: formatTrackingCode(code),
        // From the dates, not the stored state, which the reminder job refreshes only hourly.
        state: delayState({
          nextNoticeDueAt: doc.nextNoticeDueAt ? new Date(doc.nextNoticeDueAt as string) : null,
          decidedAt,
          now: new Date(),
        }),
        process: named(doc.process as Named),
        servicePoint: named(doc.servicePoint as Named, true),
        agency: named(doc.agency as Named),
        receivedAt: doc.receivedAt ?? null,
        dueAt: doc.dueAt ?? null,
        noticeCount: notices.length,
        lastNoticeAt: last ? last.toISOString() : null,
        reasonGiven: latest?.reasonGiven ?? null,
        nextNoticeDueAt: decidedAt ? null : (doc.nextNoticeDueAt ?? null),
        expectedDecisionAt: latest?.expectedDecisionAt ?? doc.dueAt ?? null,
        decidedAt,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
