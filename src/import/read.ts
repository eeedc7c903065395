/**
 * Streams the rows of one export file: CSV through papaparse on a file stream, JSON (an array of
 * records, or JSON Lines) through JsonRecordSplitter. Memory stays flat whatever the file size:
 * the parser pauses while the importer works through what it has handed over.
 */
import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'

import type { RawRow } from '../lib/import'
import { JsonRecordSplitter } from '../lib/importJson'

export type SourceRow = { row: number; data: RawRow } | { row: number; error: string }

/** How far through the file the reader is, in bytes (for the progress bar). */
export type ReadPosition = { bytesRead: number }

const HIGH_WATER = 2000

/**
 * An async iterator of rows (numbered from 1, the header excluded). A row that cannot be parsed
 * comes out as `{ error }` so the importer can report it and go on.
 */
export async function* readRows(file: string, position: ReadPosition = { bytesRead: 0 }): AsyncGenerator<SourceRow> {
  const ext = path.extname(file).toLowerCase()
  if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') yield* readJson(file, ext !== '.json', position)
  else yield* readCsv(file, position)
}

async function* readCsv(file: string, position: ReadPosition): AsyncGenerator<SourceRow> {
  // A string stream decodes UTF-8 across chunk edges (a Thai letter is three bytes).
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })
  // Progress counts the bytes of the rows handed over, not of what the stream read ahead.
  const queue: Array<SourceRow & { bytes: number }> = []
  let done = false
  let failure: Error | null = null
  let parser: Papa.Parser | null = null
  let paused = false
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }
  let row = 0
  Papa.parse<RawRow>(stream as unknown as File, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.replace(/^\uFEFF/, '').trim(),
    chunk: (results, p) => {
      parser = p
      // A row with too few or too many fields is reported, not guessed at (`row` counts in this chunk).
      const broken = new Map<number, string>()
      for (const e of results.errors) if (typeof e.row === 'number') broken.set(e.row, `CSV: ${e.message}`)
      let headerBytes = row === 0 ? Buffer.byteLength((results.meta.fields ?? []).join(',')) + 1 : 0
      results.data.forEach((data, i) => {
        row += 1
        const error = broken.get(i)
        const bytes = headerBytes + Buffer.byteLength(Object.values(data).join(',')) + 1
        headerBytes = 0
        queue.push(error ? { row, error, bytes } : { row, data, bytes })
      })
      if (queue.length >= HIGH_WATER && !paused) {
        paused = true
        p.pause()
      }
      notify()
    },
    complete: () => {
      done = true
      notify()
    },
    error: (e: Error) => {
      failure = e
      done = true
      notify()
    },
  })
  while (true) {
    while (queue.length) {
      const { bytes, ...source } = queue.shift()!
      position.bytesRead += bytes
      yield source as SourceRow
    }
    if (failure) throw failure
    if (done) return
    if (paused && parser) {
      paused = false
      ;(parser as Papa.Parser).resume()
    }
    await new Promise<void>((resolve) => {
      wake = resolve
      if (queue.length || done) notify()
    })
  }
}

async function* readJson(file: string, lines: boolean, position: ReadPosition): AsyncGenerator<SourceRow> {
  const splitter = new JsonRecordSplitter({ lines })
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })
  let row = 0
  for await (const chunk of stream) {
    for (const text of splitter.push(chunk as string)) {
      row += 1
      position.bytesRead += Buffer.byteLength(text) + 2
      try {
        yield { row, data: JSON.parse(text) as RawRow }
      } catch (e) {
        yield { row, error: `JSON: ${(e as Error).message}` }
      }
    }
  }
  if (splitter.incomplete) yield { row: row + 1, error: 'JSON: the file ends inside a record' }
}

/** The files' total size, for the progress bar. */
export const totalBytes = (files: string[]) => files.reduce((sum, f) => sum + fs.statSync(f).size, 0)
