import type { Field } from 'payload'
import { validations } from 'payload/shared'

import { isBlank } from '../lib/blank'
import { bilingual } from '../lib/messages'

type Labelled = { name?: string; label?: unknown; required?: boolean; type: string; validate?: (...args: any[]) => unknown }

const labelOf = (field: Labelled): { th: string; en: string } => {
  const l = field.label as { th?: string; en?: string } | string | undefined
  if (l && typeof l === 'object') return { th: l.th ?? field.name ?? '', en: l.en ?? field.name ?? '' }
  return { th: String(l ?? field.name), en: String(l ?? field.name) }
}

/**
 * Payload's own "This field is required." is one language only. Wraps every required field's
 * validation so an empty value answers in Thai and English with the field's label; a filled value
 * goes on to the field's own check (or Payload's default one for its type).
 */
export function withBilingualRequired<T extends Field>(fields: T[]): T[] {
  return fields.map((field) => wrap(field)) as T[]
}

function wrap(field: Field): Field {
  const f = field as Field & Labelled & { fields?: Field[]; tabs?: Array<{ fields: Field[] }> }
  if (f.type === 'tabs' && f.tabs) return { ...f, tabs: f.tabs.map((tab) => ({ ...tab, fields: withBilingualRequired(tab.fields) })) } as Field
  const withChildren = f.fields ? ({ ...f, fields: withBilingualRequired(f.fields) } as typeof f) : f
  if (!f.required || !f.name) return withChildren as Field
  const own = f.validate
  const fallback = (validations as Record<string, (value: unknown, options: unknown) => unknown>)[f.type]
  const { th, en } = labelOf(f)
  return {
    ...withChildren,
    validate: async (value: unknown, options: any) => {
      if (isBlank(value)) return bilingual(`กรุณากรอก "${th}"`, `"${en}" is required`)
      if (own) return own(value, options)
      return fallback ? fallback(value, options) : true
    },
  } as Field
}
