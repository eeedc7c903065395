/**
 * Site search: @payloadcms/plugin-search keeps a `search` collection of the public documents
 * (published manuals and other services, visible and open service points, agencies), with
 * segmented Thai tokens in its fields; PostgreSQL ranks them (see ./schema.ts and ./query.ts).
 *
 * What the plugin does by itself (3.90.1, syncDrafts false, deleteDrafts true): a publish
 * writes the row; a draft saved over a published document (a revision in work or in review)
 * leaves the published row as it is, because a draft save does not change the main document;
 * an unpublish (the main document becomes a draft) deletes the row; a delete deletes it.
 * What this file adds: hidden or closed service points leave the index, and rows follow the
 * process (common names, tags) and the service points pinning a manual.
 */
import { searchPlugin } from '@payloadcms/plugin-search'
import type { CollectionAfterChangeHook, CollectionConfig, Config, Field, Plugin } from 'payload'

import { isSystemAdmin } from '../access/predicates'
import { idOf } from '../access/user'
import { siteSearchEndpoint } from './endpoint'
import { label } from '../fields/label'
import { isPublic, searchRowData, refreshSearchRow, removeSearchRow, SEARCHABLE, type SearchableCollection } from './documents'
import { ensureSearchSchema, SEARCH_HEADS_SLUG, SEARCH_SLUG } from './schema'

const readOnly = { readOnly: true }
const tokenField = (name: string, th: string, en: string): Field => ({
  name,
  type: 'textarea',
  label: label(th, en),
  admin: { ...readOnly, description: label('คำที่ตัดแล้ว สำหรับค้นหา', 'Segmented words, for search') },
})

const searchFields: Field[] = [
  {
    name: 'type',
    type: 'select',
    index: true,
    options: [
      { value: 'manual', label: label('คู่มือสำหรับประชาชน', 'Citizen manual') },
      { value: 'other-service', label: label('บริการอื่นๆ', 'Other service') },
      { value: 'service-point', label: label('จุดบริการ', 'Service point') },
      { value: 'agency', label: label('หน่วยงาน', 'Agency') },
    ],
    label: label('ประเภท', 'Type'),
    admin: readOnly,
  },
  { name: 'docId', type: 'number', index: true, label: label('รหัสเอกสาร', 'Document id'), admin: readOnly },
  {
    name: 'agency',
    type: 'relationship',
    relationTo: 'agencies',
    index: true,
    label: label('หน่วยงาน', 'Agency'),
    admin: readOnly,
  },
  { name: 'agencyName', type: 'text', label: label('ชื่อหน่วยงาน', 'Agency name'), admin: readOnly },
  { name: 'provinces', type: 'text', label: label('จังหวัด', 'Provinces'), admin: readOnly },
  { name: 'tagIds', type: 'text', label: label('ป้ายคำ', 'Tag ids'), admin: readOnly },
  tokenField('tokensTitle', 'คำจากชื่อและชื่อเรียกทั่วไป', 'Title and common-name words'),
  tokenField('tokensTags', 'คำจากป้ายคำ', 'Tag words'),
  tokenField('tokensAgency', 'คำจากชื่อหน่วยงาน', 'Agency words'),
  tokenField('tokensBody', 'คำจากเนื้อหา', 'Body words'),
  { name: 'headKey', type: 'text', label: label('กลุ่มชื่อ', 'Head key'), admin: readOnly },
  { name: 'bodyText', type: 'textarea', label: label('เนื้อหาสำหรับข้อความตัวอย่าง', 'Text for snippets'), admin: readOnly },
]

/**
 * search_heads: one row per distinct head (type, title words, common names, tags), ranked before
 * the documents that share it are listed. Written by the search hooks with SQL; nobody edits it.
 */
const SearchHeads: CollectionConfig = {
  slug: SEARCH_HEADS_SLUG,
  labels: { singular: label('กลุ่มชื่อค้นหา', 'Search head'), plural: label('กลุ่มชื่อค้นหา', 'Search heads') },
  admin: { hidden: true, useAsTitle: 'title' },
  access: { read: ({ req }) => isSystemAdmin(req), create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'headKey', type: 'text', required: true, unique: true },
    { name: 'type', type: 'text', required: true },
    { name: 'priority', type: 'number' },
    { name: 'title', type: 'text' },
    { name: 'tokensTitle', type: 'textarea' },
    { name: 'tokensTags', type: 'textarea' },
    { name: 'headText', type: 'textarea' },
  ],
}

/** Service points leave the index when hidden or closed; pinned manuals' provinces follow them. */
const servicePointChanged: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!isPublic('service-points', doc)) await removeSearchRow(req, 'service-points', doc.id)
  const pinned = new Set<string>()
  for (const list of [doc?.manuals, previousDoc?.manuals]) for (const m of (list as unknown[]) ?? []) pinned.add(String(idOf(m)))
  const before = JSON.stringify([previousDoc?.manuals?.map(idOf), previousDoc?.province, previousDoc?.visible, previousDoc?.status])
  const after = JSON.stringify([doc?.manuals?.map(idOf), doc?.province, doc?.visible, doc?.status])
  if (before !== after) for (const id of pinned) if (id !== 'null') await refreshSearchRow(req, 'manuals', id)
  return doc
}

/** A process's name, common names and tags are indexed with its published manuals. */
const processChanged: CollectionAfterChangeHook = async ({ doc, req }) => {
  const manuals = await req.payload.find({
    collection: 'manuals',
    where: { process: { equals: doc.id } },
    select: {},
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const manual of manuals.docs) await refreshSearchRow(req, 'manuals', manual.id)
  return doc
}

const EXTRA_HOOKS: Record<string, CollectionAfterChangeHook> = {
  'service-points': servicePointChanged,
  processes: processChanged,
}

export const siteSearchPlugin = (): Plugin => (incoming: Config) => {
  const config = searchPlugin({
    collections: [...SEARCHABLE],
    syncDrafts: false,
    deleteDrafts: true,
    skipSync: ({ collectionSlug, doc }) => collectionSlug === 'service-points' && !isPublic('service-points', doc),
    beforeSync: async ({ collectionSlug, originalDoc, req, searchDoc }) => {
      // A draft is never written (syncDrafts false): don't spend queries building it.
      if (originalDoc?._status === 'draft') return searchDoc
      const fields = await searchRowData(req, collectionSlug as SearchableCollection, originalDoc)
      return { ...searchDoc, ...fields }
    },
    searchOverrides: {
      slug: SEARCH_SLUG,
      labels: { singular: label('ดัชนีค้นหา', 'Search entry'), plural: label('ดัชนีค้นหา', 'Search index') },
      admin: { group: label('ระบบ', 'System'), defaultColumns: ['title', 'type', 'agency', 'updatedAt'] },
      // Rows hold public data only; they are written by hooks, and only a system admin may touch them.
      access: {
        read: () => true,
        create: () => false,
        update: ({ req }) => isSystemAdmin(req),
        delete: ({ req }) => isSystemAdmin(req),
      },
      fields: ({ defaultFields }) => [...defaultFields, ...searchFields],
    },
  })(incoming) as Config

  const collections = (config.collections ?? []).map((collection: CollectionConfig) => {
    const hook = EXTRA_HOOKS[collection.slug]
    if (!hook) return collection
    return { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), hook] } }
  })
  const onInit = config.onInit
  return {
    ...config,
    collections: [...collections, SearchHeads],
    endpoints: [...(config.endpoints ?? []), siteSearchEndpoint],
    onInit: async (payload) => {
      await ensureSearchSchema(payload)
      await onInit?.(payload)
    },
  }
}
