/**
 * Creating many documents in a few statements, for the import.
 *
 * Payload's database adapter still decides which rows a document becomes (payload.db.create and
 * payload.db.createVersion run as they are, field by field, into the main table, the array
 * tables, the `_rels` and `_texts` tables and the version tables); only their inserts are not
 * sent one by one. A stand-in for the adapter collects the rows per table, and `flush` sends
 * each table's rows as one multi-row INSERT in the batch's transaction. Ids are taken from the
 * tables' own sequences first, so a document's rows can name their parent before it is inserted.
 *
 * What this skips of the Local API (hooks, validation, access) is the import's business: see
 * ./upsert.ts (what is checked and computed instead) and ./searchIndex.ts (what the afterChange
 * hooks would have kept).
 */
import { randomBytes } from 'node:crypto'
import { type PostgresAdapter } from '@payloadcms/db-postgres'
import { getTableColumns, sql, type SQL } from '@payloadcms/db-postgres/drizzle'
import type { PgTable } from '@payloadcms/db-postgres/drizzle/pg-core'
import { deepCopyObjectSimple, type CollectionSlug, type Payload, type PayloadRequest } from 'payload'

type Row = Record<string, unknown>
type Session = { execute: (query: SQL) => Promise<{ rows: Row[] }> }

/** Collections in the order their rows go in: each may refer to those before it. */
const INSERT_ORDER: string[] = ['processes', 'manuals', 'service-points', 'search', 'search-heads']

/** Rows per INSERT (one JSON parameter each). */
const ROWS_PER_STATEMENT = 1000

let counter = randomBytes(3).readUIntBE(0, 3)
const machine = randomBytes(5).toString('hex')

/** An array row's id as Payload makes them (ObjectId-style hex: time, random, counter). */
export function arrayRowId(): string {
  counter = (counter + 1) % 0xffffff
  return Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + machine + counter.toString(16).padStart(6, '0')
}

const tableOf = (slug: string) => slug.replace(/-/g, '_')

export class BulkInsert {
  private readonly adapter: PostgresAdapter
  /** Rows per table, in the order the tables were first written (a parent before its children). */
  private readonly rows = new Map<string, { rank: number; rows: Row[] }>()
  private readonly ids = new Map<string, number[]>()
  private readonly recorder: PostgresAdapter
  private rank = 0
  /** The version table whose next row gets an id from its sequence (in createVersion). */
  private versionTable: string | null = null
  /** Tables whose rows are left out when their unique key is already there. */
  private readonly ifAbsent = new Set<string>()
  private recordingIfAbsent = false

  constructor(
    payload: Payload,
    private readonly req: PayloadRequest,
    /** Ids taken from a sequence at a time. */
    private readonly block = 100,
  ) {
    this.adapter = payload.db as unknown as PostgresAdapter
    const insert = async ({ tableName, values }: { tableName: string; values: Row | Row[] }) => {
      const list = Array.isArray(values) ? values : [values]
      for (const row of list) if (tableName === this.versionTable && row.id === undefined) row.id = await this.nextId(tableName)
      const entry = this.rows.get(tableName) ?? { rank: this.rank, rows: [] }
      entry.rows.push(...list)
      this.rows.set(tableName, entry)
      if (this.recordingIfAbsent) this.ifAbsent.add(tableName)
      return list
    }
    // createVersion then marks older versions of the parent as not latest: a document created
    // here has none. Anything else asking to run SQL is not something this class knows.
    const execute = async () => {
      if (!this.versionTable) throw new Error('BulkInsert: unexpected SQL from the database adapter')
    }
    this.recorder = Object.create(this.adapter, { insert: { value: insert }, execute: { value: execute } })
  }

  private async session(): Promise<Session> {
    const id = this.req.transactionID ? await this.req.transactionID : undefined
    const session = id !== undefined ? (this.adapter.sessions as Record<string, { db: unknown }>)[String(id)] : undefined
    if (!session) throw new Error('BulkInsert needs a transaction')
    return session.db as Session
  }

  private async nextId(table: string): Promise<number> {
    let pool = this.ids.get(table)
    if (!pool?.length) {
      const name = this.adapter.schemaName ? `"${this.adapter.schemaName}"."${table}"` : `"${table}"`
      const db = await this.session()
      const result = await db.execute(sql`SELECT nextval(pg_get_serial_sequence(${name}, 'id'))::int AS id FROM generate_series(1, ${this.block})`)
      pool = result.rows.map((r) => Number(r.id))
      this.ids.set(table, pool)
    }
    return pool.shift()!
  }

  /**
   * Adds one document (and, for a collection with drafts, its first version, as the Local API
   * writes it: the same data, `latest`, published or draft as the data says). Returns its id.
   * `ifAbsent`: a document whose unique value is already stored is left out (ON CONFLICT DO
   * NOTHING), for content-addressed rows.
   */
  async create(collection: CollectionSlug, data: Row, options: { ifAbsent?: boolean } = {}): Promise<number> {
    const config = this.req.payload.collections[collection].config
    const table = this.adapter.tableNameMap.get(tableOf(collection))!
    this.rank = INSERT_ORDER.indexOf(collection)
    if (this.rank < 0) throw new Error(`BulkInsert: no insert order for ${collection}`)
    const id = await this.nextId(table)
    const now = new Date().toISOString()
    const doc = { createdAt: now, updatedAt: now, ...data }
    this.recordingIfAbsent = options.ifAbsent === true
    try {
      await this.adapter.create.call(this.recorder, { collection, data: { ...doc }, customID: id, req: this.req, returning: false })
    } finally {
      this.recordingIfAbsent = false
    }
    if (config.versions?.drafts) {
      this.versionTable = this.adapter.tableNameMap.get(`_${tableOf(collection)}${this.adapter.versionsSuffix ?? '_v'}`)!
      try {
        await this.adapter.createVersion.call(this.recorder, {
          autosave: false,
          collectionSlug: collection,
          createdAt: now,
          parent: id,
          req: this.req,
          returning: false,
          updatedAt: now,
          // A copy, as Payload's saveVersion makes: writing a version moves array row ids.
          versionData: deepCopyObjectSimple({ ...doc, id }),
        })
      } finally {
        this.versionTable = null
      }
    }
    return id
  }

  /** Inserts what was collected, table by table (parents first), in the request's transaction. */
  async flush(): Promise<void> {
    const db = await this.session()
    const tables = [...this.rows.entries()].sort((a, b) => a[1].rank - b[1].rank)
    for (const [name, { rows }] of tables) await insertRows(db, this.adapter.tables[name] as PgTable, rows, this.ifAbsent.has(name))
    this.rows.clear()
    this.ifAbsent.clear()
  }
}

/**
 * The rows the adapter would have inserted one statement per document, as few statements: the
 * rows travel as one JSON parameter that PostgreSQL reads into the table's own row type
 * (`json_populate_recordset`), so each value is converted by the column's type as a bound
 * parameter would be. Drizzle's multi-row `values()` does the same but builds a parameter per
 * value, which costs more CPU than everything else the import does. Table and column names come
 * from the adapter's Drizzle schema; a column a row leaves out gets its default, as in Drizzle.
 */
async function insertRows(db: Session, table: PgTable, rows: Row[], ifAbsent: boolean): Promise<void> {
  const columns = getTableColumns(table)
  // Rows naming the same columns go together (in practice all rows of a table do).
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const keys = Object.keys(row).filter((k) => row[k] !== undefined && k in columns)
    const key = keys.join(',')
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  for (const [key, group] of groups) {
    const keys = key.split(',')
    const names = sql.join(keys.map((k) => sql.identifier(columns[k].name)), sql`, `)
    for (let i = 0; i < group.length; i += ROWS_PER_STATEMENT) {
      const json = JSON.stringify(group.slice(i, i + ROWS_PER_STATEMENT).map((row) => Object.fromEntries(keys.map((k) => [columns[k].name, row[k]]))))
      const conflict = ifAbsent ? sql` ON CONFLICT DO NOTHING` : sql``
      await db.execute(sql`INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, ${json}::json)${conflict}`)
    }
  }
}
