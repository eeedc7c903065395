/**
 * `npm run export:hsds`: writes what citizens may read (read as an anonymous visitor, so the
 * collections' own access rules decide) as an HSDS-style data package, page by page.
 */
import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
import type { Payload } from 'payload'

import { dataPackage, HSDS_FIELDS, locationRows, organizationRow, serviceAtLocationRow, serviceRow, type HsdsRow, type HsdsTable } from '../lib/importHsds'

type Doc = Record<string, any>
const PAGE = 500

class CsvTable {
  private fd: number
  count = 0
  constructor(
    dir: string,
    readonly table: HsdsTable,
  ) {
    this.fd = fs.openSync(path.join(dir, `${table}.csv`), 'w')
    fs.writeSync(this.fd, Papa.unparse({ fields: [...HSDS_FIELDS[table]], data: [] }).trim() + '\r\n')
  }
  write(rows: HsdsRow[]) {
    if (!rows.length) return
    const fields = HSDS_FIELDS[this.table] as readonly string[]
    fs.writeSync(this.fd, Papa.unparse({ fields: [...fields], data: rows.map((r) => fields.map((f) => r[f] ?? '')) }, { header: false }) + '\r\n')
    this.count += rows.length
  }
  close() {
    fs.closeSync(this.fd)
  }
}

// Citizens' lists leave rich text out unless a select names it (src/hooks/citizenReads.ts).
const MANUAL_FIELDS = ['title', 'agency', 'process', 'conditions', 'steps', 'totalDuration', 'totalDurationUnit', 'noFee', 'fees', 'legalBasis', 'publishedAt', 'updatedAt']

async function* pages(payload: Payload, collection: 'agencies' | 'manuals' | 'service-points') {
  const select = collection === 'manuals' ? Object.fromEntries(MANUAL_FIELDS.map((f) => [f, true])) : undefined
  for (let page = 1; ; page++) {
    // No user and no overrideAccess: exactly what an anonymous citizen may read.
    const result = await payload.find({ collection, page, limit: PAGE, sort: 'id', depth: 0, overrideAccess: false, ...(select ? { select } : {}) } as Parameters<Payload['find']>[0])
    yield result.docs as Doc[]
    if (!result.hasNextPage) return
  }
}

export type HsdsExport = { dir: string; counts: Record<HsdsTable, number> }

export async function exportHsds(payload: Payload, options: { outDir: string; publicBaseUrl?: string }): Promise<HsdsExport> {
  const dir = path.resolve(options.outDir)
  fs.mkdirSync(dir, { recursive: true })
  const base = (options.publicBaseUrl ?? process.env.SERVER_URL ?? 'https://www.info.go.th').replace(/\/$/, '')
  const tables = Object.fromEntries((Object.keys(HSDS_FIELDS) as HsdsTable[]).map((t) => [t, new CsvTable(dir, t)])) as Record<HsdsTable, CsvTable>
  try {
    for await (const docs of pages(payload, 'agencies')) tables.organizations.write(docs.map(organizationRow))
    const services = new Set<string>()
    for await (const docs of pages(payload, 'manuals')) {
      const processIds = [...new Set(docs.map((d) => d.process).filter(Boolean))]
      const processes = processIds.length
        ? await payload.find({ collection: 'processes', where: { id: { in: processIds } }, limit: processIds.length, pagination: false, depth: 0, overrideAccess: false })
        : { docs: [] }
      const byId = new Map((processes.docs as Doc[]).map((p) => [String(p.id), p]))
      tables.services.write(docs.map((m) => serviceRow(m, byId.get(String(m.process)), `${base}/api/manuals/${m.id}`)))
      for (const m of docs) services.add(String(m.id))
    }
    for await (const docs of pages(payload, 'service-points')) {
      const rows = docs.map(locationRows)
      tables.locations.write(rows.map((r) => r.location))
      tables.addresses.write(rows.map((r) => r.address).filter((a): a is HsdsRow => a !== null))
      tables.service_at_location.write(
        docs.flatMap((p) => ((p.manuals ?? []) as unknown[]).filter((m) => services.has(String(m))).map((m) => serviceAtLocationRow(p, m))),
      )
    }
  } finally {
    for (const t of Object.values(tables)) t.close()
  }
  const counts = Object.fromEntries(Object.entries(tables).map(([k, t]) => [k, t.count])) as Record<HsdsTable, number>
  fs.writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify(dataPackage(new Date().toISOString(), counts), null, 2) + '\n')
  return { dir, counts }
}
