import type { Endpoint } from 'payload'
import { APIError } from 'payload'

import { bilingual } from '../../lib/messages'
import { ratingUrl } from '../../lib/surveyLinks'
import { posterPdf, posterPng } from './poster'

/**
 * GET /api/service-points/:id/poster?format=png|pdf[&manual=<id>] — the QR-code poster of a
 * service point the caller may read (anyone: visible ones; officers: theirs too). The QR code
 * encodes PUBLIC_SITE_URL/rate/<id>. `download=1` asks the browser to save it.
 */
export const servicePointPosterEndpoint: Endpoint = {
  path: '/:id/poster',
  method: 'get',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    const params = req.searchParams ?? new URL(req.url ?? 'http://x').searchParams
    const format = params.get('format') ?? 'pdf'
    if (format !== 'png' && format !== 'pdf') {
      throw new APIError(bilingual('format ต้องเป็น png หรือ pdf', 'format must be png or pdf'), 400, [{ path: 'format', message: 'png | pdf' }])
    }
    const manual = params.get('manual')
    if (manual !== null && !/^[1-9][0-9]{0,9}$/.test(manual)) {
      throw new APIError(bilingual('manual ต้องเป็นรหัส', 'manual must be an id'), 400, [{ path: 'manual', message: 'invalid id' }])
    }
    const found = /^[1-9][0-9]{0,9}$/.test(id)
      ? await req.payload.find({
          collection: 'service-points',
          where: { id: { equals: Number(id) } },
          depth: 1,
          limit: 1,
          overrideAccess: false,
          user: req.user,
          req,
        })
      : { docs: [] }
    const sp = found.docs[0] as { id: number; name: string; nameEn?: string; agency?: { name?: string; nameEn?: string } | number } | undefined
    if (!sp) throw new APIError(bilingual('ไม่พบจุดบริการ', 'Service point not found'), 404)
    const url = ratingUrl(sp.id, { manual })
    const filename = `rating-poster-${sp.id}.${format}`
    const disposition = `${params.get('download') ? 'attachment' : 'inline'}; filename="${filename}"`
    if (format === 'png') {
      return new Response(new Uint8Array(await posterPng(url)), {
        headers: { 'Content-Type': 'image/png', 'Content-Disposition': disposition, 'X-Rating-Url': url, 'Cache-Control': 'private, max-age=300' },
      })
    }
    const agency = typeof sp.agency === 'object' && sp.agency ? sp.agency : {}
    const pdf = await posterPdf({ url, servicePointName: sp.name, servicePointNameEn: sp.nameEn, agencyName: agency.name ?? '', agencyNameEn: agency.nameEn })
    return new Response(new Uint8Array(pdf), {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': disposition, 'X-Rating-Url': url, 'Cache-Control': 'private, max-age=300' },
    })
  },
}
