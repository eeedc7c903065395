'use client'
/*
 * A report filter's day (`from`, `to`) chosen with Payload's own DatePicker, so it reads like
 * every other date in the admin: "3 ธ.ค. 2569" in Thai, "3 Dec 2026" in English (the aliased
 * date-fns locales, src/admin/dateFnsLocales). A browser's <input type="date"> follows the
 * browser's locale and calendar instead. The form still sends the day as `YYYY-MM-DD` (CE), what
 * the report endpoints read, through a hidden input.
 */
import { DatePicker } from '@payloadcms/ui'
import { useState } from 'react'

import { dayOfPicked, isIsoDate, PICKER_DISPLAY_FORMATS, pickedDayInstant } from '../../lib/thaiDate'

export function ReportDateInput({ name, label, defaultValue }: { name: string; label: string; defaultValue?: string | null }) {
  // Whatever the URL carried is sent again as it was (a value the server refused stays visible in its error).
  const [value, setValue] = useState(defaultValue ?? '')
  const inputId = `report-filter-${name}`
  return (
    <div className="report-date-input" style={{ width: 190 }}>
      <label htmlFor={inputId}>{label}</label>
      <DatePicker
        pickerAppearance="default"
        displayFormat={PICKER_DISPLAY_FORMATS.default}
        value={isIsoDate(value) ? pickedDayInstant(value) : undefined}
        onChange={(picked) => setValue(picked ? dayOfPicked(picked) : '')}
        // react-datepicker's own input: labelled, and without a name (the hidden input is sent).
        overrides={{ id: inputId, autoComplete: 'off' }}
      />
      <input type="hidden" name={name} value={value} />
    </div>
  )
}
