import type { Block, Config, DateField, Field, Plugin } from 'payload'
import { date as payloadDateValidation } from 'payload/shared'

import { ADMIN_DATE_FORMAT, buddhistYearMistake, displayFormatFor, PICKER_TIME_FORMAT } from '../lib/thaiDate'

/**
 * Buddhist-era dates in the admin (docs/officers-and-digital-id.md, "Buddhist-era dates"). The
 * date-fns locales behind Payload's formatting are swapped in next.config.mjs; this plugin gives
 * Payload the `yo` patterns that use them and guards what is typed:
 * - `admin.dateFormat` (lists, document controls, version history, the version view),
 * - every date field's picker `displayFormat` by its `pickerAppearance` (input, list cell, diff)
 *   and a 24-hour time list,
 * - every editable date field refuses a Buddhist-era year taken for Gregorian (≥ 2400 CE),
 * - a provider gives the pickers their locale from the first render and labels the calendar's
 *   year drop-down (react-datepicker's own numbers) in พ.ศ.
 */
const DATE_PICKERS_PROVIDER = '/components/Admin/BuddhistEraDatePickers#BuddhistEraDatePickers'

export function withBuddhistEraDateField(field: DateField): DateField {
  const date = field.admin?.date as { displayFormat?: string; pickerAppearance?: string; timeFormat?: string } | undefined
  const validate = field.validate ?? payloadDateValidation
  const picker = {
    ...date,
    displayFormat: date?.displayFormat ?? displayFormatFor(date?.pickerAppearance),
    timeFormat: date?.timeFormat ?? PICKER_TIME_FORMAT,
  }
  const withFormat: DateField = { ...field, admin: { ...field.admin, date: picker as never } }
  // Read-only dates are set by the system (often derived from an edited one, which reports the
  // mistake itself): only what an officer or API client types is checked.
  if (field.admin?.readOnly) return withFormat
  return { ...withFormat, validate: (value, options) => buddhistYearMistake(value) ?? validate(value, options) }
}

/** Every date field at any depth (rows, collapsibles, tabs, groups, arrays, blocks). */
export function withBuddhistEraDates(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    switch (field.type) {
      case 'date':
        return withBuddhistEraDateField(field)
      case 'row':
      case 'collapsible':
      case 'group':
      case 'array':
        return { ...field, fields: withBuddhistEraDates(field.fields) } as Field
      case 'tabs':
        return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withBuddhistEraDates(tab.fields) })) }
      case 'blocks':
        return { ...field, blocks: field.blocks?.map((block) => withBlockDates(block)) }
      default:
        return field
    }
  })
}

const withBlockDates = (block: Block): Block => ({ ...block, fields: withBuddhistEraDates(block.fields) })

export const buddhistEraDatesPlugin = (): Plugin => (config: Config) => ({
  ...config,
  admin: {
    ...config.admin,
    dateFormat: ADMIN_DATE_FORMAT,
    components: {
      ...config.admin?.components,
      providers: [...(config.admin?.components?.providers ?? []), DATE_PICKERS_PROVIDER],
    },
  },
  collections: config.collections?.map((collection) => ({ ...collection, fields: withBuddhistEraDates(collection.fields) })),
  globals: config.globals?.map((global) => ({ ...global, fields: withBuddhistEraDates(global.fields) })),
  blocks: config.blocks?.map(withBlockDates),
})
