import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Reads by citizens (no user, access enforced: REST and GraphQL):
 * - never ask for drafts: `?draft=true` would otherwise look in the version table, where a
 *   revision in review hides the published one from a list. Citizens get the published revision.
 * - lists stay lean: a list (`find`, not by id) that names no `select` of its own leaves out
 *   `exclude` (rich-text bodies, joins). By id, an explicit `select`, officers and server code
 *   (Local API with overrideAccess) get everything.
 */
export const citizenReadDefaults =
  (exclude: Record<string, false>): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    const a = args as { id?: unknown; select?: unknown; overrideAccess?: boolean; draft?: boolean }
    if (operation !== 'read' || a.overrideAccess === true || req.user) return args
    const lean = a.id === undefined && !a.select && Object.keys(exclude).length ? { select: exclude } : {}
    return { ...args, draft: false, ...lean }
  }
