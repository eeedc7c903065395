/** Help text (guidelines, FAQ answers): one paragraph per line; consecutive "- " lines form a list. */
export type HelpBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] }

export function helpBlocks(body: string): HelpBlock[] {
  const blocks: HelpBlock[] = []
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line) continue
    if (line.startsWith('- ')) {
      const last = blocks[blocks.length - 1]
      if (last?.kind === 'list') last.items.push(line.slice(2).trim())
      else blocks.push({ kind: 'list', items: [line.slice(2).trim()] })
    } else blocks.push({ kind: 'paragraph', text: line })
  }
  return blocks
}
