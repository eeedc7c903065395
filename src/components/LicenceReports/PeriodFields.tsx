'use client'
/*
 * The reported month of a licence report or unlock request in the reader's calendar: the year as
 * พ.ศ. and the month by its Thai name in the Thai admin, CE and English names in the English one.
 * The stored values stay the CE year and the month number (src/fields/period.ts).
 */
import { SelectInput, useField, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps, NumberFieldClientProps } from 'payload'
import React, { useMemo } from 'react'

import { reportingYears } from '../../lib/reportingYears'
import { monthNameFor, yearFor } from '../../lib/thaiDate'

type Option = { label: string; value: string }

function NumberSelect({ field, path: pathFromProps, readOnly, options }: NumberFieldClientProps & { options: (value: number | null | undefined) => Option[] }) {
  const path = pathFromProps ?? field.name
  const { value, setValue, showError, disabled } = useField<number | null>({ path })
  const choices = useMemo(() => options(value), [options, value])
  return (
    <SelectInput
      isClearable={false}
      label={field.label}
      name={field.name}
      onChange={(option) => {
        if (readOnly || disabled) return
        const picked = option && !Array.isArray(option) ? Number((option as Option).value) : null
        setValue(Number.isInteger(picked) ? picked : null)
      }}
      options={choices}
      path={path}
      readOnly={readOnly || disabled}
      required={field.required}
      showError={showError}
      // As Payload's own fields: the row gives each its admin.width.
      style={field.admin?.width ? ({ '--field-width': field.admin.width } as React.CSSProperties) : { flex: '1 1 auto' }}
      value={typeof value === 'number' ? String(value) : undefined}
    />
  )
}

export function YearField(props: NumberFieldClientProps) {
  const { i18n } = useTranslation()
  const options = useMemo(
    () => (value: number | null | undefined) =>
      reportingYears(new Date().getFullYear(), value).map((year) => ({ value: String(year), label: yearFor(i18n.language, year) })),
    [i18n.language],
  )
  return <NumberSelect {...props} options={options} />
}

export function MonthField(props: NumberFieldClientProps) {
  const { i18n } = useTranslation()
  const options = useMemo(
    () => () => Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthNameFor(i18n.language, i + 1) })),
    [i18n.language],
  )
  return <NumberSelect {...props} options={options} />
}

export function YearCell({ cellData }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  return <span>{typeof cellData === 'number' ? yearFor(i18n.language, cellData) : ''}</span>
}

export function MonthCell({ cellData }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  return <span>{typeof cellData === 'number' && cellData >= 1 && cellData <= 12 ? monthNameFor(i18n.language, cellData) : ''}</span>
}
