/**
 * `npm run import`: reads the exports (agencies, then manuals, then service points, whatever the
 * order on the command line), validates each row, and upserts the good ones by legacyId in
 * batches, each batch one transaction. Manuals and service points are written through Payload's
 * database adapter, new ones in a few multi-row inserts per batch (./upsert.ts, ./bulk.ts);
 * agencies through the Local API. A batch that fails is rolled back and redone row by row
 * through the Local API, so one bad row costs only itself. A run killed at any point leaves
 * whole batches committed and nothing half-written; the next run finds them by legacyId and
 * carries on. After the rows, the search rows and the public snapshots of what changed are
 * rebuilt, side by side (./searchIndex.ts, src/services/publicSnapshots/).
 */
import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import {
  detectKind,
  IMPORT_ORDER,
  mapRow,
  type AgencyRecord,
  type ImportKind,
  type ImportRecord,
  type ManualRecord,
  type ServicePointRecord,
} from '../lib/import'
import { ensureRoleTokens } from '../collections/RoleTokens/automatic'
import { bilingual } from '../lib/messages'
import { notifyPublicContentChanged } from '../services/publicContentNotice'
import { rebuildPublicSnapshots, staleSnapshotCollections, syncPublicSnapshot, type RebuildReport } from '../services/publicSnapshots'
import { BulkInsert } from './bulk'
import { readRows, totalBytes, type ReadPosition } from './read'
import { refreshImportedSearchRows, type SearchRefresh } from './searchIndex'
import {
  bulkWriter,
  createImportState,
  documentWriter,
  IMPORT_CONTEXT,
  ImportRowError,
  type Doc,
  type ImportState,
  type Outcome,
  type Pending,
  revisionsInProgress,
  upsertAgency,
  upsertManual,
  upsertServicePoint,
  type WriteContext,
  type Written,
} from './upsert'

export type Problem = {
  file: string
  kind: ImportKind | ''
  row: number
  legacyId: string
  severity: 'error' | 'warning'
  reason: string
}

export type FileSummary = { file: string; kind: ImportKind | null; rows: number } & Record<Outcome | 'failed', number>

export type ImportProgress = {
  /** Reading and writing the files' rows, then rebuilding the search rows and public snapshots of what changed. */
  phase: 'rows' | 'search' | 'snapshots'
  /** The file being read (rows), or what is being rebuilt. */
  file: string
  bytesRead: number
  totalBytes: number
  rows: number
  failed: number
  /** Search phase: documents done, of `toIndex`. */
  indexed?: number
  toIndex?: number
}

export type ImportOptions = {
  files: string[]
  dryRun?: boolean
  /** Where to write the report (`.json` or `.csv`); none when omitted. */
  reportPath?: string
  /** Rows per transaction; 1 writes every row through the Local API, as a failed batch's retry does. */
  batchSize?: number
  /** Batches written at the same time (manuals and service points; agencies go one by one). */
  concurrency?: number
  onProgress?: (p: ImportProgress) => void
}

export type ImportSummary = {
  dryRun: boolean
  startedAt: string
  ms: number
  files: FileSummary[]
  totals: Record<Outcome | 'failed' | 'rows', number>
  problems: Problem[]
  /** Batches that failed as a whole and were written again row by row. */
  retriedBatches: number
  /** Search rows rebuilt after the rows were written (none in a dry run). */
  search?: SearchRefresh
  /** Public snapshots rebuilt after the rows, per collection (none when nothing made them stale). */
  snapshots?: RebuildReport
  /** How long each part took (ms): the files' rows, then the search rows and the snapshots, side by side. */
  phases: { rows: number; search: number; snapshots: number }
  reportPath?: string
}

/** Rows per batch unless told: large enough that a batch's inserts are few and big. */
export const DEFAULT_BATCH = 200

type Item = { row: number; record: ImportRecord }

export async function runImport(payload: Payload, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now()
  const dryRun = options.dryRun === true
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH)
  const concurrency = Math.max(1, options.concurrency ?? 2)
  const state = createImportState(payload)
  const claims = new Claims()
  const problems: Problem[] = []
  const summaries: FileSummary[] = []
  // Dry run: what the files would create, so later files may refer to it.
  const planned: Record<'agencies' | 'manuals' | 'service-points', Set<string>> = { agencies: new Set(), manuals: new Set(), 'service-points': new Set() }

  for (const file of options.files) if (!fs.existsSync(file)) throw new Error(bilingual(`ไม่พบไฟล์ ${file}`, `File not found: ${file}`))
  const files = options.files
    .map((file) => ({ file, kind: detectKind(file) }))
    .sort((a, b) => (a.kind ? IMPORT_ORDER[a.kind] : 9) - (b.kind ? IMPORT_ORDER[b.kind] : 9))
  const allBytes = totalBytes(files.map((f) => f.file))
  let bytesBefore = 0

  for (const { file, kind: kindFromName } of files) {
    const name = path.basename(file)
    const summary: FileSummary = { file: name, kind: kindFromName, rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 }
    summaries.push(summary)
    let kind = kindFromName
    const position: ReadPosition = { bytesRead: 0 }
    const problem = (row: number, legacyId: string, severity: Problem['severity'], reason: string) =>
      problems.push({ file: name, kind: kind ?? '', row, legacyId, severity, reason })
    const progress = () =>
      options.onProgress?.({ phase: 'rows', file: name, bytesRead: Math.min(allBytes, bytesBefore + position.bytesRead), totalBytes: allBytes, rows: summary.rows, failed: summary.failed })
    const count = (item: Item, written: Written) => {
      summary[written.outcome] += 1
      for (const w of written.warnings) problem(item.row, item.record.legacyId, 'warning', w)
    }
    const fail = (item: { row: number; legacyId?: string }, reason: string) => {
      summary.failed += 1
      problem(item.row, item.legacyId ?? '', 'error', reason)
    }

    let batch: Item[] = []
    const inFlight = new Set<Promise<void>>()
    const deferred: Item[] = []
    const flush = async (items: Item[]) => {
      if (!items.length) return
      if (dryRun) return checkBatch(state, kind!, items, planned, count, fail, kind === 'agencies' ? deferred : null)
      const { ready, release } = claims.take(await creates(state, kind!, items))
      const task = ready.then(() => writeBatch(state, kind!, items, count, fail, kind === 'agencies' || kind === 'service-points' ? deferred : null)).finally(release)
      inFlight.add(task)
      task.finally(() => inFlight.delete(task))
      // Agencies refer to one another (parent): one batch at a time, in file order.
      while (inFlight.size >= (kind === 'agencies' ? 1 : concurrency)) await Promise.race(inFlight)
    }

    for await (const source of readRows(file, position)) {
      summary.rows += 1
      if ('error' in source) {
        fail({ row: source.row }, source.error)
        continue
      }
      if (!kind) {
        kind = detectKind(file, Object.keys(source.data))
        summary.kind = kind
        if (!kind) {
          fail({ row: source.row }, bilingual('ไม่ทราบว่าไฟล์นี้เป็นข้อมูลชนิดใด (ตั้งชื่อไฟล์ให้มี agencies, service-points หรือ manuals)', 'Cannot tell what this file holds (name it agencies…, service-points… or manuals…)'))
          break
        }
      }
      const mapped = mapRow(kind, source.data)
      if (!mapped.ok) {
        fail({ row: source.row, legacyId: mapped.legacyId }, mapped.errors.join('; '))
        continue
      }
      batch.push({ row: source.row, record: mapped.record })
      if (batch.length >= batchSize) {
        await flush(batch)
        batch = []
        progress()
      }
    }
    await flush(batch)
    await Promise.all(inFlight)
    // Rows whose parent came later in the file (or in a batch still in flight): retry while that
    // makes progress, one batch at a time.
    for (let pass = 0; deferred.length && pass < 20; pass++) {
      const retry = deferred.splice(0)
      const before = retry.length
      if (dryRun) await checkBatch(state, kind!, retry, planned, count, fail, deferred)
      else await writeBatch(state, kind!, retry, count, fail, deferred)
      if (deferred.length === before) break
    }
    while (kind === 'service-points' && deferred.length && !dryRun) {
      // A service point whose parent is nowhere (not even waiting here) goes in without it, with a
      // warning; then those waiting for it are tried again.
      const waiting = new Set(deferred.map((i) => i.record.legacyId))
      const orphans = deferred.filter((i) => !waiting.has(String((i.record as ServicePointRecord).parentLegacyId)))
      if (!orphans.length) break
      const rest = deferred.filter((i) => !orphans.includes(i))
      deferred.splice(0)
      state.parentOptional = true
      await writeBatch(state, kind, orphans, count, fail, null)
      state.parentOptional = false
      await writeBatch(state, kind, rest, count, fail, deferred)
    }
    for (const item of deferred.splice(0)) {
      const parent = (item.record as AgencyRecord).parentLegacyId
      fail({ row: item.row, legacyId: item.record.legacyId }, bilingual(`ไม่พบหน่วยงานต้นสังกัด "${parent}"`, `Parent agency "${parent}" not found`))
    }
    bytesBefore += fs.statSync(file).size
    position.bytesRead = 0
    progress()
  }

  const phases = { rows: Date.now() - started, search: 0, snapshots: 0 }
  let search: SearchRefresh | undefined
  let snapshots: RebuildReport | undefined
  if (!dryRun) {
    if (state.bulkWritten) await analyzeTables(payload, ['processes', 'manuals', 'service-points'])
    // Service points go in through the database adapter, around the hook that gives each its
    // service-point officer token (จัดการ Token): give the new ones theirs now.
    await ensureRoleTokens(payload)
    const after = (phase: ImportProgress['phase'], file: string, indexed?: number, toIndex?: number) =>
      options.onProgress?.({ phase, file, bytesRead: allBytes, totalBytes: allBytes, rows: 0, failed: 0, indexed, toIndex })
    const timed = async <T>(phase: 'search' | 'snapshots', work: () => Promise<T>): Promise<T> => {
      const begun = Date.now()
      try {
        return await work()
      } finally {
        phases[phase] = Date.now() - begun
      }
    }
    // Independent of each other (search rows, and the read model of anonymous answers), so they
    // run side by side: one waits for PostgreSQL while the other computes. Both are decided from
    // what is stored: a run killed before they finished leaves the next run to do them.
    ;[search, snapshots] = await Promise.all([
      timed('search', () => refreshImportedSearchRows(payload, (indexed, toIndex) => after('search', 'search', indexed, toIndex))),
      timed('snapshots', async () => {
        const stale = await staleSnapshotCollections(payload)
        if (!stale.length) return undefined
        after('snapshots', `rebuilding ${stale.join(', ')}`)
        return rebuildPublicSnapshots(payload, { collections: stale, log: (message) => after('snapshots', message) })
      }),
    ])
  }

  const totals = { rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 }
  for (const s of summaries) for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += s[k]
  const result: ImportSummary = {
    dryRun,
    startedAt: new Date(started).toISOString(),
    ms: Date.now() - started,
    files: summaries,
    totals,
    problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row),
    retriedBatches: state.retriedBatches,
    search,
    snapshots,
    phases,
    reportPath: options.reportPath,
  }
  if (options.reportPath) writeReport(options.reportPath, result)
  return result
}

/**
 * Fresh planner statistics for the tables the batches filled (the collections' own, their
 * arrays, relations and versions). Until autovacuum gets to them PostgreSQL plans the reads that
 * follow for the tables as they were: the snapshot rebuild after importing 1,000 manuals took
 * 110 s instead of 7 s.
 */
async function analyzeTables(payload: Payload, collections: string[]): Promise<void> {
  const adapter = payload.db as unknown as PostgresAdapter
  const prefixes = collections.map((c) => c.replace(/-/g, '_'))
  const names = Object.keys(adapter.tables).filter((name) => prefixes.some((p) => name === p || name.startsWith(`${p}_`) || name.startsWith(`_${p}_v`)))
  if (names.length) await adapter.drizzle.execute(sql`ANALYZE ${sql.join(names.map((name) => adapter.tables[name]), sql`, `)}`)
}

/** Runs `fn` in its own transaction; the pending index updates apply only when it commits. */
async function inTransaction<T>(payload: Payload, fn: (req: PayloadRequest, pending: Pending) => Promise<T>): Promise<T> {
  const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, payload)
  const pending: Pending = []
  await initTransaction(req)
  try {
    const result = await fn(req, pending)
    await commitTransaction(req)
    for (const apply of pending) apply()
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

function writeOne(state: ImportState, kind: ImportKind, item: Item, w: WriteContext, existing: Doc | undefined): Promise<Written> {
  if (kind === 'agencies') return upsertAgency(state, w, item.record as AgencyRecord, existing)
  if (kind === 'manuals') return upsertManual(state, w, item.record as ManualRecord, existing)
  return upsertServicePoint(state, w, item.record as ServicePointRecord, existing)
}

const indexOf = (state: ImportState, kind: ImportKind) => (kind === 'agencies' ? state.agencies : kind === 'manuals' ? state.manuals : state.servicePoints)

const reasonOf = (error: unknown): string => {
  if (error instanceof ImportRowError) return error.message
  const e = error as { message?: string; data?: { errors?: Array<{ path?: string; message?: string }> } }
  const details = e.data?.errors?.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')
  return details || e.message || String(error)
}

const isParentMissing = (error: unknown) => error instanceof ImportRowError && /Parent (agency|service point)/.test(error.message)

type Result = { written: Written } | { error: ImportRowError }

/**
 * A batch in one transaction. Everything its rows refer to is looked up first, a query per kind;
 * new manuals and service points are inserted together at the end (agencies go through the Local
 * API). A row refused before it wrote anything (its agency or parent not found) is left out and
 * reported; any other failure rolls the whole batch back.
 */
async function batchInTransaction(state: ImportState, kind: ImportKind, items: Item[], req: PayloadRequest, pending: Pending): Promise<Result[]> {
  const { payload } = state
  const bulk = kind === 'agencies' ? null : new BulkInsert(payload, req, items.length)
  const writer = bulk ? bulkWriter(payload, req, bulk) : documentWriter(payload, req)
  const w: WriteContext = { req, writer, pending, tags: new Map() }
  const records = items.map((i) => i.record as Partial<AgencyRecord & ManualRecord & ServicePointRecord>)
  const existing = await indexOf(state, kind).load(items.map((i) => i.record.legacyId), req)
  await state.agencies.resolve(records.flatMap((r) => [r.agencyLegacyId, kind === 'agencies' ? r.parentLegacyId : undefined]).filter((l): l is string => !!l), req)
  if (kind === 'manuals') {
    w.processes = await state.processes.load(records.map((r) => r.processLegacyId!), req)
    w.inProgress = await revisionsInProgress(payload, req, [...existing.values()].map((d) => d.id))
  }
  if (kind === 'service-points') {
    await state.manuals.resolve(records.flatMap((r) => r.manualLegacyIds ?? []), req)
    await state.servicePoints.resolve(records.map((r) => r.parentLegacyId).filter((l): l is string => !!l), req)
    w.created = new Map()
  }
  const results: Result[] = []
  for (const item of items) {
    const before = writer.writes
    try {
      results.push({ written: await writeOne(state, kind, item, w, existing.get(item.record.legacyId)) })
    } catch (error) {
      if (!(error instanceof ImportRowError) || writer.writes !== before) throw error
      results.push({ error })
    }
  }
  if (bulk) {
    await bulk.flush()
    // What the collections' afterChange hook does per document, once for the batch: the change
    // notice, and (as the public snapshots ask of a bulk writer) dropping their completeness
    // marks, so their reads go to Payload until the rebuild at the end of the run.
    const first = results.find((r) => 'written' in r && r.written.outcome !== 'unchanged' && r.written.outcome !== 'skipped')
    if (first && 'written' in first) {
      pending.push(() => (state.bulkWritten = true))
      await syncPublicSnapshot(req, kind, first.written.id!)
      await notifyPublicContentChanged(req)
    }
  }
  return results
}

/**
 * One transaction for the batch; if anything in it fails, the batch is rolled back and each row
 * is written again in its own transaction through the Local API, so only the bad rows are lost
 * and reported, each with Payload's own reason.
 */
async function writeBatch(
  state: ImportState,
  kind: ImportKind,
  items: Item[],
  count: (item: Item, w: Written) => void,
  fail: (item: { row: number; legacyId?: string }, reason: string) => void,
  deferred: Item[] | null,
): Promise<void> {
  const refused = (item: Item, error: unknown) => {
    if (deferred && isParentMissing(error)) deferred.push(item)
    else fail({ row: item.row, legacyId: item.record.legacyId }, reasonOf(error))
  }
  const legacyIds = items.map((i) => i.record.legacyId)
  const unique = new Set(legacyIds).size === legacyIds.length
  if (unique && items.length > 1) {
    try {
      const results = await inTransaction(state.payload, (req, pending) => batchInTransaction(state, kind, items, req, pending))
      items.forEach((item, i) => {
        const result = results[i]
        if ('written' in result) count(item, result.written)
        else refused(item, result.error)
      })
      return
    } catch {
      // Fall through: row by row finds the culprit.
      state.retriedBatches += 1
    }
  }
  for (const item of items) {
    let attempt = 0
    while (true) {
      try {
        const written = await inTransaction(state.payload, async (req, pending) => {
          const existing = (await indexOf(state, kind).load([item.record.legacyId], req)).get(item.record.legacyId)
          return writeOne(state, kind, item, { req, writer: documentWriter(state.payload, req), pending, tags: new Map() }, existing)
        })
        count(item, written)
        break
      } catch (error) {
        // Two writers creating the same process at once: the loser sees it on retry.
        if (++attempt < 3 && !(error instanceof ImportRowError) && /unique|duplicate|deadlock|serializ/i.test(String((error as Error)?.message) + JSON.stringify((error as { data?: unknown }).data ?? ''))) continue
        refused(item, error)
        break
      }
    }
  }
}

/**
 * What a batch would create that another batch in flight may create too: processes and
 * categories not yet known to be in the database. Agencies and service points: nothing (a
 * parent not yet in waits for the retry after the file).
 */
async function creates(state: ImportState, kind: ImportKind, items: Item[]): Promise<string[]> {
  if (kind !== 'manuals') return []
  const records = items.map((i) => i.record as ManualRecord)
  await state.processes.resolve(records.map((r) => r.processLegacyId))
  return [
    ...records.filter((r) => state.processes.get(r.processLegacyId) === undefined).map((r) => `process:${r.processLegacyId}`),
    ...records.flatMap((r) => r.categories).filter((c) => !state.tags.has(c)).map((c) => `tag:${c}`),
  ]
}

/**
 * Batches in flight that would create the same process or category take turns: a later batch
 * waits for the earlier one and then finds what it created (instead of failing on the unique
 * legacyId, or doubling a tag). Claims are taken in the order batches start, so a batch only
 * ever waits for earlier ones.
 */
class Claims {
  private held = new Map<string, Promise<void>>()

  take(keys: string[]): { ready: Promise<unknown>; release: () => void } {
    let release!: () => void
    const done = new Promise<void>((resolve) => (release = resolve))
    const unique = [...new Set(keys)]
    const earlier = [...new Set(unique.map((k) => this.held.get(k)).filter((p): p is Promise<void> => !!p))]
    for (const key of unique) this.held.set(key, done)
    void done.then(() => {
      for (const key of unique) if (this.held.get(key) === done) this.held.delete(key)
    })
    return { ready: Promise.all(earlier), release }
  }
}

/** Dry run: the references a row makes must exist, in the database or earlier in these files. */
async function checkBatch(
  state: ImportState,
  kind: ImportKind,
  items: Item[],
  planned: Record<'agencies' | 'manuals' | 'service-points', Set<string>>,
  count: (item: Item, w: Written) => void,
  fail: (item: { row: number; legacyId?: string }, reason: string) => void,
  deferred: Item[] | null,
): Promise<void> {
  const agencyRefs = items.flatMap((i) => {
    const r = i.record as Partial<AgencyRecord & ManualRecord & ServicePointRecord>
    return [r.agencyLegacyId, kind === 'agencies' ? r.parentLegacyId : undefined].filter((v): v is string => !!v)
  })
  await state.agencies.resolve(agencyRefs)
  if (kind === 'service-points') await state.manuals.resolve(items.flatMap((i) => (i.record as ServicePointRecord).manualLegacyIds))
  const index = kind === 'agencies' ? state.agencies : kind === 'manuals' ? state.manuals : state.servicePoints
  await index.resolve(items.map((i) => i.record.legacyId))
  const agencyKnown = (l: string) => state.agencies.get(l) !== undefined || planned.agencies.has(l)
  for (const item of items) {
    const r = item.record as Partial<AgencyRecord & ManualRecord & ServicePointRecord>
    const agencyRef = kind === 'agencies' ? r.parentLegacyId : r.agencyLegacyId
    if (agencyRef && !agencyKnown(agencyRef)) {
      // A parent further down the file: checked again once the file is read.
      if (deferred) {
        deferred.push(item)
        continue
      }
      const [th, en] = kind === 'agencies' ? ['หน่วยงานต้นสังกัด', 'Parent agency'] : ['หน่วยงาน', 'Agency']
      fail({ row: item.row, legacyId: item.record.legacyId }, bilingual(`ไม่พบ${th} "${agencyRef}"`, `${en} "${agencyRef}" not found`))
      continue
    }
    const warnings: string[] = []
    if (kind === 'service-points') {
      const missing = (r.manualLegacyIds ?? []).filter((l) => state.manuals.get(l) === undefined && !planned.manuals.has(l))
      if (missing.length) warnings.push(bilingual(`ไม่พบคู่มือที่ปักหมุด: ${missing.join(', ')}`, `Pinned manuals not found: ${missing.join(', ')}`))
    }
    planned[kind].add(item.record.legacyId)
    count(item, { outcome: index.get(item.record.legacyId) !== undefined ? 'updated' : 'created', warnings })
  }
}

/** The report: every row not imported (error) or imported with a caveat (warning), and the totals. */
export function writeReport(reportPath: string, summary: ImportSummary): void {
  fs.mkdirSync(path.dirname(path.resolve(reportPath)), { recursive: true })
  if (reportPath.toLowerCase().endsWith('.json')) {
    fs.writeFileSync(reportPath, JSON.stringify(summary, null, 2))
    return
  }
  const fields = ['file', 'kind', 'row', 'legacyId', 'severity', 'reason'] as const
  const data = summary.problems.map((p) => fields.map((f) => p[f]))
  // A BOM so Excel opens the Thai text as UTF-8.
  fs.writeFileSync(reportPath, '\uFEFF' + Papa.unparse({ fields: [...fields], data }) + '\r\n')
}
