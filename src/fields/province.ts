import type { TextField } from 'payload'

import { isProvince } from '../lib/geography'
import { bilingual } from '../lib/messages'
import { label } from './label'

/**
 * One of Thailand's 77 provinces, stored as its official Thai name (../shared/API.md).
 * A text field checked against the reference list: a select would put Thai enum names into
 * the GraphQL schema, which GraphQL names cannot hold.
 */
export const provinceField = (overrides: Partial<TextField> = {}): TextField =>
  ({
    name: 'province',
    type: 'text',
    label: label('จังหวัด', 'Province'),
    index: true,
    validate: (value: unknown, { required }: { required?: boolean }) => {
      if (value === null || value === undefined || value === '') {
        return required ? bilingual('กรุณาระบุจังหวัด', 'Province is required') : true
      }
      return isProvince(value)
        ? true
        : bilingual(`ไม่พบจังหวัด "${String(value)}" ในรายชื่อ 77 จังหวัด`, `Unknown province "${String(value)}"`)
    },
    ...overrides,
  }) as TextField
