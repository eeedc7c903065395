/**
 * Stands in for `date-fns/locale/en-US` in the Next bundles (see ./th.ts): English keeps the
 * Gregorian year, printed plainly by the `yo` token that the shared admin date formats use.
 */
import { enUS as englishOrdinals } from 'date-fns/locale'

import { withPlainYears } from '../../lib/thaiDate'

export const enUS = withPlainYears(englishOrdinals)
export default enUS
