/** Minimal Lexical editor state from plain paragraphs (seed data, imports). */
export function lexicalFromParagraphs(paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr' as const,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      })),
    },
  }
}

/** The plain text of a Lexical state (search indexing, exports, completeness checks). */
export function lexicalToText(state: unknown): string {
  const out: string[] = []
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return
    if (typeof node.text === 'string') out.push(node.text)
    if (Array.isArray(node.children)) {
      node.children.forEach(walk)
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listitem') out.push('\n')
    }
  }
  walk((state as { root?: unknown })?.root)
  return out.join('').replace(/\n+/g, '\n').trim()
}
