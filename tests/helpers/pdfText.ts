import zlib from 'node:zlib'

/**
 * Just enough of a PDF reader for the poster tests: objects, (Flate) streams, page count and
 * media box, and the text drawn with each font decoded through the font's ToUnicode CMap —
 * the way a PDF viewer's copy and search see it.
 */
export type PdfInfo = { pageCount: number; mediaBoxes: number[][]; text: string; fonts: string[] }

export function readPdf(buffer: Buffer): PdfInfo {
  const raw = buffer.toString('latin1')
  const objects = new Map<number, { dict: string; stream?: Buffer }>()
  const objRe = /(\d+) 0 obj\s*([\s\S]*?)endobj/g
  for (let m; (m = objRe.exec(raw)); ) {
    const body = m[2]
    const s = body.indexOf('stream')
    if (s >= 0 && body.slice(0, s).includes('<<')) {
      const dict = body.slice(0, s)
      let data = body.slice(s + 6).replace(/^\r?\n/, '')
      data = data.slice(0, data.lastIndexOf('endstream')).replace(/\r?\n$/, '')
      let bytes = Buffer.from(data, 'latin1')
      if (/FlateDecode/.test(dict)) bytes = zlib.inflateSync(bytes)
      objects.set(Number(m[1]), { dict, stream: bytes })
    } else objects.set(Number(m[1]), { dict: body })
  }
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict))
  const mediaBoxes = pages.map((p) => (p.dict.match(/\/MediaBox\s*\[([^\]]+)\]/)?.[1] ?? '').trim().split(/\s+/).map(Number))

  // Font resource name → glyph code → text, from the fonts' ToUnicode CMaps.
  const cmapOf = (ref: number): Map<string, string> => {
    const map = new Map<string, string>()
    const text = objects.get(ref)?.stream?.toString('latin1') ?? ''
    const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)))
    for (const block of text.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
      for (const [, src, dst] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(src.toLowerCase(), hex(dst))
    }
    for (const block of text.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
      for (const [, lo, hi, rest] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
        const start = parseInt(lo, 16)
        const end = parseInt(hi, 16)
        const width = lo.length
        if (rest.startsWith('[')) {
          const dsts = [...rest.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1])
          dsts.forEach((d, i) => map.set((start + i).toString(16).padStart(width, '0'), hex(d)))
        } else {
          const base = parseInt(rest.slice(1, -1), 16)
          for (let c = start; c <= end; c++) map.set(c.toString(16).padStart(width, '0'), String.fromCodePoint(base + c - start))
        }
      }
    }
    return map
  }
  const fontMaps = new Map<string, Map<string, string>>()
  const fonts: string[] = []
  for (const page of pages) {
    let resources = page.dict
    const resRef = page.dict.match(/\/Resources\s+(\d+) 0 R/)
    if (resRef) resources = objects.get(Number(resRef[1]))?.dict ?? ''
    const fontDict = resources.match(/\/Font\s*<<([\s\S]*?)>>/)?.[1] ?? ''
    for (const [, name, ref] of fontDict.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(ref))?.dict ?? ''
      fonts.push(font.match(/\/BaseFont\s*\/(\S+)/)?.[1] ?? name)
      const toUnicode = font.match(/\/ToUnicode\s+(\d+) 0 R/)
      if (toUnicode) fontMaps.set(name, cmapOf(Number(toUnicode[1])))
    }
  }
  let text = ''
  for (const page of pages) {
    const contentRef = page.dict.match(/\/Contents\s+(\d+) 0 R/)
    const content = contentRef ? (objects.get(Number(contentRef[1]))?.stream?.toString('latin1') ?? '') : ''
    let current: Map<string, string> | undefined
    for (const [, font, tj] of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g)) {
      if (font) current = fontMaps.get(font)
      else if (tj && current) {
        for (const [, h] of tj.matchAll(/<([0-9a-fA-F]*)>/g)) {
          for (const code of h.match(/.{4}/g) ?? []) text += current.get(code.toLowerCase()) ?? ''
        }
      }
      if (/ET/.test(tj ?? '')) text += '\n'
    }
    text += '\n'
  }
  return { pageCount: pages.length, mediaBoxes, text, fonts }
}
