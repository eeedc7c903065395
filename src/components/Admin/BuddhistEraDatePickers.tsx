'use client'
/*
 * What date-fns patterns cannot reach in the admin's date pickers (react-datepicker, bundled into
 * Payload's UI with its own date-fns):
 * - Its locale: Payload registers i18n's date-fns locale in an effect, after the pickers' first
 *   render (on the server, never), so that render used react-datepicker's built-in English and
 *   printed `yo` as "2026th". This provider registers the same locales (src/admin/dateFnsLocales,
 *   under Payload's names `th` and `enUS`) before its children render, in react-datepicker's
 *   global registry (what its `registerLocale` / `setDefaultLocale` write).
 * - The calendar header's year drop-down, filled with plain Gregorian numbers: in Thai each option
 *   gets a พ.ศ. `label` (what a <select> shows); its value, the year the picker reads back, stays.
 *   React does not manage that attribute, so nothing fights over it.
 */
import { useTranslation } from '@payloadcms/ui'
import type { Locale } from 'date-fns'
import { type ReactNode, useEffect } from 'react'

import { enUS } from '../../admin/dateFnsLocales/en-US'
import { th } from '../../admin/dateFnsLocales/th'
import { toBuddhistYear } from '../../lib/thaiDate'

/** Payload's admin language → the name its DatePicker registers the locale under. */
const PICKER_LOCALES: Record<string, { name: string; locale: Locale }> = { th: { name: 'th', locale: th }, en: { name: 'enUS', locale: enUS } }
const YEAR_OPTIONS = 'select.react-datepicker__year-select option'

type PickerRegistry = { __localeData__?: Record<string, Locale>; __localeId__?: string }

function registerPickerLocale(language: string): void {
  const picker = PICKER_LOCALES[language]
  if (!picker) return
  const registry = (typeof window !== 'undefined' ? window : globalThis) as PickerRegistry
  registry.__localeData__ ??= {}
  registry.__localeData__[picker.name] = picker.locale
  registry.__localeId__ = picker.name
}

export function BuddhistEraDatePickers({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  // During render, not in an effect: the pickers below render after this and must find it.
  registerPickerLocale(i18n.language)
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
