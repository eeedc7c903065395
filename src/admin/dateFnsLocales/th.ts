/**
 * Stands in for `date-fns/locale/th` in the Next bundles (resolve alias in next.config.mjs), so
 * Payload's admin, which loads that module for Thai, prints and parses `yo` years in the Buddhist
 * era (src/lib/thaiDate.ts). The original comes through the `date-fns/locale` index, which is not
 * aliased (the aliased path would lead back here).
 */
import { th as gregorianThai } from 'date-fns/locale'

import { withBuddhistEraYears } from '../../lib/thaiDate'

export const th = withBuddhistEraYears(gregorianThai)
export default th
