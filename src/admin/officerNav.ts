import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { COLLECTION_NAV, collectionVisibleTo, NAV_GROUPS } from '../lib/adminNav'

/**
 * Puts every collection listed in src/lib/adminNav.ts into the officers' menu: its group, the menu
 * name officers know, and `admin.hidden` for the roles that cannot use it. Access rules are left
 * untouched (hiding is not security: REST and GraphQL still answer by the collection's access).
 */
const THAI_DATE_CELL = '/components/Admin/ThaiDateCell#ThaiDateCell'

/**
 * Date columns in the lists show the Buddhist era: every date field a list can show (top level,
 * or inside rows, collapsibles and unnamed tabs) gets the Thai date cell unless it has its own.
 */
export function withThaiDateCells(fields: Field[]): Field[] {
  return fields.map((field) => {
    if (field.type === 'date' && !field.admin?.components?.Cell)
      return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Cell: THAI_DATE_CELL } } }
    if (field.type === 'row' || field.type === 'collapsible') return { ...field, fields: withThaiDateCells(field.fields) }
    if (field.type === 'tabs')
      return { ...field, tabs: field.tabs.map((tab) => ('name' in tab && tab.name ? tab : { ...tab, fields: withThaiDateCells(tab.fields) })) }
    return field
  })
}

export function withOfficerNav(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((input) => {
    const collection = { ...input, fields: withThaiDateCells(input.fields) }
    const entry = COLLECTION_NAV[collection.slug]
    if (!entry) return collection
    const plural = entry.label ?? (collection.labels?.plural as never)
    return {
      ...collection,
      labels: plural ? { singular: collection.labels?.singular ?? plural, plural } : collection.labels,
      admin: {
        ...collection.admin,
        group: { ...NAV_GROUPS[entry.group] },
        hidden: ({ user }) => !collectionVisibleTo(collection.slug, user),
      },
    }
  })
}

/** As a plugin, last in the list, so collections added by other plugins are placed too. */
export const officerNavPlugin = (): Plugin => (config: Config) => ({ ...config, collections: withOfficerNav(config.collections ?? []) })
