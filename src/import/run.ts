/**
 * `npm run import`: reads the exports (agencies, then manuals, then service points, whatever the
 * order on the command line), validates each row, and upserts the good ones by legacyId in
 * batches, each batch one transaction. A batch that fails is rolled back and redone row by row,
 * so one bad row costs only itself. A run killed at any point leaves whole batches committed and
 * nothing half-written; the next run finds them by legacyId and carries on.
 */
import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
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
import { bilingual } from '../lib/messages'
import { readRows, totalBytes, type ReadPosition } from './read'
import {
  createImportState,
  IMPORT_CONTEXT,
  ImportRowError,
  type Doc,
  type ImportState,
  type Outcome,
  type Pending,
  upsertAgency,
  upsertManual,
  upsertServicePoint,
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
  file: string
  bytesRead: number
  totalBytes: number
  rows: number
  failed: number
}

export type ImportOptions = {
  files: string[]
  dryRun?: boolean
  /** Where to write the report (`.json` or `.csv`); none when omitted. */
  reportPath?: string
  /** Rows per transaction. */
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
  reportPath?: string
}

type Item = { row: number; record: ImportRecord }

export async function runImport(payload: Payload, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now()
  const dryRun = options.dryRun === true
  const batchSize = Math.max(1, options.batchSize ?? 50)
  const concurrency = Math.max(1, options.concurrency ?? 2)
  const state = createImportState(payload)
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
      options.onProgress?.({ file: name, bytesRead: Math.min(allBytes, bytesBefore + position.bytesRead), totalBytes: allBytes, rows: summary.rows, failed: summary.failed })
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
      const task = writeBatch(state, kind!, items, count, fail, kind === 'agencies' || kind === 'service-points' ? deferred : null)
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

  const totals = { rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 }
  for (const s of summaries) for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += s[k]
  const result: ImportSummary = {
    dryRun,
    startedAt: new Date(started).toISOString(),
    ms: Date.now() - started,
    files: summaries,
    totals,
    problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row),
    reportPath: options.reportPath,
  }
  if (options.reportPath) writeReport(options.reportPath, result)
  return result
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

async function writeOne(state: ImportState, kind: ImportKind, item: Item, req: PayloadRequest, pending: Pending, existing?: Map<string, Doc>, processes?: Map<string, Doc>): Promise<Written> {
  const legacyId = item.record.legacyId
  if (kind === 'agencies') {
    const found = existing ?? (await state.agencies.load([legacyId], req))
    return upsertAgency(state, req, item.record as AgencyRecord, found.get(legacyId), pending)
  }
  if (kind === 'manuals') {
    const record = item.record as ManualRecord
    const found = existing ?? (await state.manuals.load([legacyId], req))
    return upsertManual(state, req, record, found.get(legacyId), processes, pending)
  }
  const found = existing ?? (await state.servicePoints.load([legacyId], req))
  return upsertServicePoint(state, req, item.record as ServicePointRecord, found.get(legacyId), pending)
}

const reasonOf = (error: unknown): string => {
  if (error instanceof ImportRowError) return error.message
  const e = error as { message?: string; data?: { errors?: Array<{ path?: string; message?: string }> } }
  const details = e.data?.errors?.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')
  return details || e.message || String(error)
}

const isParentMissing = (error: unknown) => error instanceof ImportRowError && /Parent (agency|service point)/.test(error.message)

/**
 * One transaction for the batch; if anything in it fails, the batch is rolled back and each row
 * is written again in its own transaction, so only the bad rows are lost and reported.
 */
async function writeBatch(
  state: ImportState,
  kind: ImportKind,
  items: Item[],
  count: (item: Item, w: Written) => void,
  fail: (item: { row: number; legacyId?: string }, reason: string) => void,
  deferred: Item[] | null,
): Promise<void> {
  const legacyIds = items.map((i) => i.record.legacyId)
  const unique = new Set(legacyIds).size === legacyIds.length
  if (unique && items.length > 1) {
    try {
      const results = await inTransaction(state.payload, async (req, pending) => {
        const index = kind === 'agencies' ? state.agencies : kind === 'manuals' ? state.manuals : state.servicePoints
        const existing = await index.load(legacyIds, req)
        const processes = kind === 'manuals' ? await state.processes.load(items.map((i) => (i.record as ManualRecord).processLegacyId), req) : undefined
        const out: Written[] = []
        for (const item of items) out.push(await writeOne(state, kind, item, req, pending, existing, processes))
        return out
      })
      items.forEach((item, i) => count(item, results[i]))
      return
    } catch {
      // Fall through: row by row finds the culprit.
    }
  }
  for (const item of items) {
    let attempt = 0
    while (true) {
      try {
        count(item, await inTransaction(state.payload, (req, pending) => writeOne(state, kind, item, req, pending)))
        break
      } catch (error) {
        if (deferred && isParentMissing(error)) {
          deferred.push(item)
          break
        }
        // Two batches creating the same process (or tag) at once: the loser sees it on retry.
        if (++attempt < 3 && !(error instanceof ImportRowError) && /unique|duplicate|deadlock|serializ/i.test(String((error as Error)?.message) + JSON.stringify((error as { data?: unknown }).data ?? ''))) continue
        fail({ row: item.row, legacyId: item.record.legacyId }, reasonOf(error))
        break
      }
    }
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
