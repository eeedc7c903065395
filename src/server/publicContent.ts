/**
 * The collections whose anonymous reads are public (../shared/API.md) and may be cached; a change
 * to any of them invalidates the public cache on every instance.
 */
export const PUBLIC_CONTENT_COLLECTIONS = [
  'agencies',
  'service-points',
  'tags',
  'processes',
  'manuals',
  'other-services',
  'survey-question-sets',
]

/** Anonymous GETs cached: collection reads and the public search (paths under /api). */
export const CACHEABLE_PUBLIC_PATHS = new RegExp(
  `^/(?:${PUBLIC_CONTENT_COLLECTIONS.join('|')})(?:/\\d+)?/?$|^/site-search/?$|^/openapi\\.json$`,
)
