import type { RelationshipField } from 'payload'

import { inAgencyScope } from '../access/scope'
import { hasAnyRole, officerOf } from '../access/user'
import { bilingual } from '../lib/messages'
import { label } from './label'

/**
 * The owning agency of a document. Officers may only put documents into their own agency or
 * its sub-units: checked here so that neither create nor a later update (REST, GraphQL, Local
 * API) can move a document into another agency.
 */
export const agencyField = (overrides: Partial<RelationshipField> = {}): RelationshipField =>
  ({
    name: 'agency',
    type: 'relationship',
    relationTo: 'agencies',
    required: true,
    index: true,
    label: label('หน่วยงาน', 'Agency'),
    validate: async (value: unknown, { req, required }: { req: any; required?: boolean }) => {
      if (value === null || value === undefined || value === '') {
        return required ? bilingual('กรุณาระบุหน่วยงาน', 'Agency is required') : true
      }
      // Seeds, imports and system jobs run without a user; system admins act for every agency.
      if (!officerOf(req) || hasAnyRole(req, 'system-admin')) return true
      const id = typeof value === 'object' ? (value as { id?: unknown }).id : value
      return (await inAgencyScope(req, id))
        ? true
        : bilingual('ไม่สามารถเลือกหน่วยงานนอกสังกัดของท่านได้', 'You may not choose an agency outside your own')
    },
    ...overrides,
  }) as RelationshipField
