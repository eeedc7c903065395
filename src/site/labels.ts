/** Bilingual labels of the citizen site. */
import type { SearchType } from './api'

export const TYPE_LABELS: Record<SearchType, { th: string; en: string }> = {
  manual: { th: 'คู่มือสำหรับประชาชน', en: 'Citizen manual' },
  'other-service': { th: 'บริการอื่น', en: 'Other service' },
  'service-point': { th: 'จุดบริการ', en: 'Service point' },
  agency: { th: 'หน่วยงาน', en: 'Agency' },
}

export const STATE_LABELS = {
  open: { th: 'อยู่ระหว่างพิจารณา', en: 'Being considered' },
  overdue: { th: 'อยู่ระหว่างพิจารณา (เกินกำหนดแจ้ง)', en: 'Being considered (notice overdue)' },
  closed: { th: 'พิจารณาแล้วเสร็จ', en: 'Decided' },
} as const

/** Where a search hit opens. Other services live on their agency's page. */
export function hitHref(hit: { id: string | number; type: SearchType; agency?: { id: string | number } | null }): string {
  switch (hit.type) {
    case 'manual':
      return `/manuals/${hit.id}`
    case 'service-point':
      return `/service-points/${hit.id}`
    case 'agency':
      return `/agencies/${hit.id}`
    default:
      return hit.agency ? `/agencies/${hit.agency.id}#other-service-${hit.id}` : '/search'
  }
}
