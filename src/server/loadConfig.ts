/**
 * How a process (server.ts, scripts, benches, the browser tests' seed) loads Payload's config.
 *
 * Each of Lexical's Node entry files (`lexical/dist/Lexical.node.mjs`, `@lexical/html/…`) picks its
 * dev or prod build with a top-level await. The config's import graph reaches thirteen of them, and
 * Node 20 then evaluates them side by side, each waiting on others mid-evaluation. About one start
 * in fifty (5 of 220 measured) that evaluation never settles: node exits with code 13, or hangs
 * while something else holds the event loop. Loaded one at a time, each after the modules its own
 * build imports, none waits on another, and the config's graph finds them all evaluated
 * (0 of 200). So no entry point may reach Lexical through static imports
 * (tests/unit/dependencies.test.ts), and this order is checked against the installed builds
 * (tests/unit/lexical-load-order.test.ts).
 */
import type { SanitizedConfig } from 'payload'

/** Lexical's modules the server reaches, each after every one its build imports. */
export const LEXICAL_MODULES_IN_LOAD_ORDER = [
  'lexical',
  '@lexical/selection',
  '@lexical/utils',
  '@lexical/extension',
  '@lexical/a11y',
  '@lexical/html',
  '@lexical/clipboard',
  '@lexical/dragon',
  '@lexical/headless',
  '@lexical/list',
  '@lexical/react/LexicalDecoratorBlockNode',
  '@lexical/rich-text',
  '@lexical/table',
] as const

let loading: Promise<SanitizedConfig> | undefined

/** Payload's config, with Lexical loaded first one module at a time (see above). */
export function loadPayloadConfig(): Promise<SanitizedConfig> {
  loading ??= (async () => {
    for (const specifier of LEXICAL_MODULES_IN_LOAD_ORDER) await import(specifier)
    const { default: config } = await import('../payload.config')
    return config
  })()
  return loading
}
