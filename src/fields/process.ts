import type { RelationshipField } from 'payload'

import { label } from './label'

/** The process (กระบวนงาน) a manual, licence report or delay case is about: required and indexed. */
export const processField = (overrides: Partial<RelationshipField> = {}): RelationshipField =>
  ({
    name: 'process',
    type: 'relationship',
    relationTo: 'processes',
    required: true,
    index: true,
    label: label('กระบวนงาน', 'Process'),
    ...overrides,
  }) as RelationshipField
