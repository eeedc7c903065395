/**
 * Public content: which collections citizens read anonymously, which of those reads may be cached,
 * and how each instance hears that they changed (the notice itself: ./publicContentNotice.ts).
 * No Payload import here: the Express host loads this before Payload's config (src/server/app.ts).
 */
import pg from 'pg'

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

/** The Postgres channel on which every instance hears that public content changed. */
export const CONTENT_CHANNEL = 'infogo_public_content'

/**
 * Caches of this process, cleared at once by a writing hook (before the NOTIFY that follows the
 * commit), so a read right after a write on the same instance is never stale.
 */
export const localInvalidators = new Set<() => void>()

/**
 * Listens on CONTENT_CHANNEL with a dedicated connection and calls `onChange` for each notice;
 * reconnects after a dropped connection (and invalidates then, since notices may have been missed).
 */
export function listenForContentChanges(connectionString: string, onChange: () => void) {
  let client: pg.Client | null = null
  let closed = false
  let retry: NodeJS.Timeout | undefined
  const connect = async () => {
    if (closed) return
    const c = new pg.Client({ connectionString })
    c.on('notification', () => onChange())
    c.on('error', () => undefined)
    c.on('end', () => {
      if (closed) return
      onChange()
      retry = setTimeout(() => void connect(), 1000)
      retry.unref()
    })
    try {
      await c.connect()
      await c.query(`LISTEN ${CONTENT_CHANNEL}`)
      client = c
    } catch {
      retry = setTimeout(() => void connect(), 1000)
      retry.unref()
    }
  }
  const ready = connect()
  return {
    ready,
    close: async () => {
      closed = true
      if (retry) clearTimeout(retry)
      await client?.end().catch(() => undefined)
    },
  }
}
