/**
 * Streams the records out of a JSON export without holding the whole file: the objects of the
 * first array in the document (`[ {...}, ... ]` or `{ "manuals": [ {...} ] }`), or, for JSON
 * Lines, every top-level object. Feed text chunks in order; each call returns the records whose
 * closing brace arrived, as text for JSON.parse.
 */
export class JsonRecordSplitter {
  private depth = 0
  private recordsDepth: number | null
  private inString = false
  private escaped = false
  private current: string[] = []
  private start = -1

  constructor(options: { lines?: boolean } = {}) {
    this.recordsDepth = options.lines ? 0 : null
  }

  push(chunk: string): string[] {
    const out: string[] = []
    this.start = this.current.length ? 0 : -1
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (ch === '\\') this.escaped = true
        else if (ch === '"') this.inString = false
        continue
      }
      if (ch === '"') {
        this.inString = true
        continue
      }
      if (ch === '{' || ch === '[') {
        if (ch === '[' && this.recordsDepth === null) {
          this.depth++
          this.recordsDepth = this.depth
          continue
        }
        if (ch === '{' && this.depth === this.recordsDepth) this.start = i
        this.depth++
      } else if (ch === '}' || ch === ']') {
        this.depth--
        if (ch === '}' && this.depth === this.recordsDepth && this.start !== -1) {
          this.current.push(chunk.slice(this.start, i + 1))
          out.push(this.current.join(''))
          this.current = []
          this.start = -1
        } else if (this.recordsDepth !== null && this.depth < this.recordsDepth && this.recordsDepth > 0) {
          // The records array closed: ignore whatever follows.
          this.recordsDepth = -1
        }
      }
    }
    if (this.start !== -1) {
      // A record still open: keep its text so far (appending when it began in an earlier chunk).
      if (this.start === 0 && this.current.length) this.current.push(chunk)
      else this.current = [chunk.slice(this.start)]
    }
    return out
  }

  /** True when a record was cut off by the end of the file. */
  get incomplete(): boolean {
    return this.current.length > 0 || this.inString
  }
}
