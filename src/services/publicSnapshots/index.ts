/**
 * Public snapshots: a read model of what anonymous clients get from Payload's REST API, so that an
 * uncached public read costs one indexed PostgreSQL query instead of Payload's pipeline.
 *
 * - One row per public document (PUBLIC_CONTENT_COLLECTIONS) in infogo_runtime.public_snapshots:
 *   `body` is the exact JSON of `GET /api/<collection>/<id>?depth=0` for an anonymous client,
 *   joins included: manuals list the visible service points pinning them, as Payload does by
 *   default (`joins=false` changes nothing there: Payload's REST parser reads the bare string as
 *   no join option; `joins[servicePoints]=false` is not served). `list_body` is the same document
 *   as it appears in a list when that differs (manuals' lists leave out `conditions` and the join),
 *   `refs` the documents the answer names. Both bodies are computed by Payload's Local API as an
 *   anonymous user. public_snapshot_keys holds one row per (document, list it belongs to: the
 *   collection's, and each whitelisted filter value, src/lib/publicQuery.ts) in Payload's order.
 * - Writing: every create, update and delete of a public document recomputes its row inside the
 *   writing transaction (src/plugins/publicContentChanged.ts), so it commits or rolls back with
 *   the write. Answers that depend on another document are recomputed with it: a service point's
 *   pinned manuals and pin details show only published manuals, a manual's `servicePoints` join
 *   lists only visible, active points, and a deleted document disappears from every answer
 *   naming it (foreign keys set null / cascade). Each recomputed row is locked first, so two
 *   writers touching one answer take turns and the second reads what the first committed.
 * - Depth 1 (SNAPSHOT_DEPTH1: manuals): `body1` is the exact `?depth=1` answer (process, agency and
 *   form files populated with their defaultPopulate fields, the join's points populated), computed
 *   the same way; `refs1` names every document it shows and what those name. A write that changes
 *   what depth-1 answers show of a document (its defaultPopulate view, readability, or deletion;
 *   any change of a non-public one such as a form file) recomputes the bodies naming it in the
 *   writing transaction, up to PUBLIC_SNAPSHOTS_DEPTH1_INLINE (50) of them; past that (an agency
 *   or process with thousands of manuals: about 2.5 ms each) they are set null (stale) there, and
 *   a stale body's first read goes to Payload and queues its refresh (a background transaction).
 * - Completeness: lists (and by-id reads) are answered only for collections whose rows were
 *   rebuilt (`rebuildPublicSnapshots`, `npm run public:rebuild`) with the running code's field
 *   fingerprint (infogo_runtime.public_snapshot_state). TRUNCATE of a public table clears both
 *   tables (a trigger), and a deploy that changes a collection's fields rebuilds it on start.
 * - Reading (`createSnapshotReader(...).answer`, served over HTTP by src/server/publicSnapshots.ts):
 *   only exact shapes (`parsePublicRead`); everything else, officers, and documents without a row
 *   fall through to the cache and Payload.
 *
 * Files: ./storage.ts (tables, triggers, SQL helpers), ./shape.ts (what a snapshot is: read specs,
 * fingerprints), ./sync.ts (keeping rows in the writing transaction), ./rebuild.ts (rebuilding,
 * completeness), ./read.ts (answering a parsed read).
 */
export { createSnapshotReader, type SnapshotReader } from './read'
export { rebuildPublicSnapshots, rebuildStaleSnapshots, staleSnapshotCollections, type RebuildReport } from './rebuild'
export { readSpecs, snapshotFingerprints } from './shape'
export { ensurePublicSnapshotTables, ensureTruncateTriggers, SNAPSHOT_SCHEMA } from './storage'
export { syncPublicSnapshot, syncSnapshotsNaming } from './sync'
