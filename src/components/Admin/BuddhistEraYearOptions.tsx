'use client'
/*
 * The date picker's calendar header has a year drop-down that react-datepicker fills with plain
 * Gregorian numbers (its own code, not date-fns', so the Thai locale cannot reach it). In Thai,
 * each option gets a พ.ศ. `label` (what a <select> shows); its value, the Gregorian year the picker
 * reads back, is untouched. React does not manage the attribute, so nothing fights over it.
 */
import { useTranslation } from '@payloadcms/ui'
import { type ReactNode, useEffect } from 'react'

import { toBuddhistYear } from '../../lib/thaiDate'

const YEAR_OPTIONS = 'select.react-datepicker__year-select option'

export function BuddhistEraYearOptions({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  const thai = i18n.language === 'th'

  useEffect(() => {
    const label = () => {
      for (const option of document.querySelectorAll<HTMLOptionElement>(YEAR_OPTIONS)) {
        if (!thai) option.removeAttribute('label')
        else {
          const year = String(toBuddhistYear(Number(option.value)))
          if (option.getAttribute('label') !== year) option.setAttribute('label', year)
        }
      }
    }
    label()
    // Pickers open and close at any time: label the options whenever nodes are added.
    const observer = new MutationObserver(label)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [thai])

  return <>{children}</>
}
