/**
 * Whether a field value counts as "not filled in": what a required field must never be.
 * Knows Payload's shapes: strings, arrays (hasMany, array fields) and Lexical editor states.
 */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (typeof value === 'number') return Number.isNaN(value)
  if (Array.isArray(value)) return value.length === 0
  if (isLexicalState(value)) return !lexicalHasText(value)
  return false
}

type LexicalNode = { text?: unknown; children?: unknown; type?: unknown }

const isLexicalState = (value: unknown): value is { root: LexicalNode } =>
  typeof value === 'object' && value !== null && typeof (value as { root?: unknown }).root === 'object'

/** True when some node of the editor state carries non-whitespace text (or is a non-text node such as an upload). */
export function lexicalHasText(state: { root: LexicalNode }): boolean {
  const stack: LexicalNode[] = [state.root]
  while (stack.length) {
    const node = stack.pop()!
    if (typeof node.text === 'string' && node.text.trim() !== '') return true
    if (['upload', 'relationship', 'block', 'inlineBlock'].includes(String(node.type))) return true
    if (Array.isArray(node.children)) stack.push(...(node.children as LexicalNode[]))
  }
  return false
}
