import type { Access, CollectionConfig } from 'payload'

import { anyOf, createInOwnAgency, sameAgency, seesEverything } from '../../access/predicates'
import { agencyScopeWhere } from '../../access/scope'
import { officerOf } from '../../access/user'
import { agencyField } from '../../fields/agency'
import { label } from '../../fields/label'
import { citizenReadDefaults } from '../../hooks/citizenReads'
import { otherServiceAdminComponents } from '../Manuals/workflowAdmin'
import { otherServiceGuard, otherServicePublishingEndpoint } from './publishing'

const EDITORS = ['central-officer', 'manual-author', 'manual-reviewer'] as const

const read: Access = async ({ req }) => {
  const published = { _status: { equals: 'published' } }
  if (!officerOf(req)) return published
  if (seesEverything(req)) return true
  return anyOf(published, await agencyScopeWhere(req))
}

/** บริการอื่นๆ: services of agencies that have no manual under the Act. */
export const OtherServices: CollectionConfig = {
  slug: 'other-services',
  labels: { singular: label('บริการอื่นๆ', 'Other service'), plural: label('บริการอื่นๆ', 'Other services') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'agency', '_status', 'updatedAt'],
    group: label('จัดการบริการอื่นๆ', 'Other services'),
    components: otherServiceAdminComponents,
  },
  versions: { drafts: true, maxPerDoc: 50 },
  // Published by the agency's central officer or reviewer through this endpoint only (no OPDC step).
  endpoints: [otherServicePublishingEndpoint],
  access: {
    read,
    // Drafts live in the versions: the agency's officers and OPDC only (Payload's default is any login).
    readVersions: async ({ req }) => (seesEverything(req) ? true : officerOf(req) ? agencyScopeWhere(req, 'version.agency') : false),
    create: createInOwnAgency([...EDITORS]),
    update: sameAgency([...EDITORS]),
    delete: sameAgency(['central-officer']),
  },
  defaultPopulate: { title: true, agency: true },
  // Citizens read the published version, even when asking for drafts.
  hooks: {
    beforeOperation: [citizenReadDefaults({}), otherServiceGuard.beforeOperation],
    beforeChange: [otherServiceGuard.beforeChange],
  },
  fields: [
    { name: 'title', type: 'text', required: true, index: true, label: label('ชื่อบริการ', 'Title') },
    agencyField(),
    { name: 'description', type: 'textarea', required: true, label: label('รายละเอียดบริการ', 'Description') },
    {
      name: 'channels',
      type: 'array',
      label: label('ช่องทางการให้บริการ', 'Channels'),
      fields: [
        { name: 'place', type: 'text', required: true, label: label('สถานที่ / ช่องทาง', 'Place or channel') },
        { name: 'hours', type: 'text', label: label('วันเวลาให้บริการ', 'Hours') },
      ],
    },
    { name: 'contact', type: 'text', label: label('ติดต่อสอบถาม', 'Contact') },
  ],
}
