import type { CollectionConfig, Config, Plugin } from 'payload'

import { COLLECTION_NAV, collectionVisibleTo, NAV_GROUPS } from '../lib/adminNav'

/**
 * Puts every collection listed in src/lib/adminNav.ts into the officers' menu: its group, the menu
 * name officers know, and `admin.hidden` for the roles that cannot use it. Access rules are left
 * untouched (hiding is not security: REST and GraphQL still answer by the collection's access).
 */
export function withOfficerNav(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => {
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
