'use client'
/* List cell for date fields: Buddhist era for Thai readers (พ.ศ.), Gregorian in English, Bangkok time. */
import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { formatDateFor } from '../../lib/thaiDate'

export function ThaiDateCell({ cellData, field }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  const withTime = (field as { admin?: { date?: { pickerAppearance?: string } } })?.admin?.date?.pickerAppearance === 'dayAndTime'
  const text = formatDateFor(i18n?.language, cellData as string | null, withTime)
  return <span className="thai-date-cell">{text}</span>
}
