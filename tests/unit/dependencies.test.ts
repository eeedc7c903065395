/**
 * The direction of imports (docs/architecture.md, rules in .dependency-cruiser.cjs): the whole tree
 * keeps to the layers, and the rules do catch a tree that does not (tests/fixtures/deps).
 */
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser'
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

async function cruiseOf(paths: string[], baseDir = ROOT): Promise<ICruiseResult> {
  const config = await extractDepcruiseConfig(path.join(ROOT, '.dependency-cruiser.cjs'))
  const result = await cruise(
    paths,
    { ...config.options, baseDir, validate: true, ruleSet: config, outputType: 'json' },
    {},
    { tsConfig: extractTSConfig(path.join(ROOT, 'tsconfig.json')) },
  )
  return typeof result.output === 'string' ? (JSON.parse(result.output) as ICruiseResult) : result.output
}

const violationsOf = async (paths: string[], baseDir = ROOT): Promise<IViolation[]> => (await cruiseOf(paths, baseDir)).summary.violations

/** The chains of static (not dynamic, not type-only) imports from `entry` to modules matching `target`. */
function staticChains(result: ICruiseResult, entry: string, target: RegExp): string[] {
  const modules = new Map(result.modules.map((m) => [m.source, m]))
  const cameFrom = new Map<string, string | null>([[entry, null]])
  const queue = [entry]
  while (queue.length) {
    const source = queue.shift()!
    for (const dep of modules.get(source)?.dependencies ?? []) {
      if (dep.dynamic || dep.dependencyTypes.some((t) => t === 'type-only' || t === 'type-import') || cameFrom.has(dep.resolved)) continue
      cameFrom.set(dep.resolved, source)
      queue.push(dep.resolved)
    }
  }
  return [...cameFrom.keys()]
    .filter((m) => target.test(m))
    .map((m) => {
      const chain = [m]
      for (let at = cameFrom.get(m); at; at = cameFrom.get(at)) chain.unshift(at)
      return chain.join(' → ')
    })
}

const LEXICAL = /node_modules\/(lexical|@lexical\/[^/]+|@payloadcms\/richtext-lexical)\//
// The browser tests' seed runs as a process of its own too (tests/e2e/helpers/site.ts).
const SEED_SITE = 'tests/e2e/helpers/seedSite.ts'
const ENTRY_POINTS = /^(server\.ts|scripts\/[^/]+\.ts|bench\/[^/]+\.ts|tests\/e2e\/helpers\/seedSite\.ts)$/

let tree: ICruiseResult
beforeAll(async () => {
  tree = await cruiseOf(['src', 'server.ts', 'scripts', 'bench', SEED_SITE])
})

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`

test('every import in src, server.ts, scripts and bench keeps to the layers', () => {
  expect(tree.summary.violations.map(describeViolation)).toEqual([])
})

// Lexical's Node entry files each hold a top-level await; evaluated side by side, as a static
// graph does, they sometimes never settle (node exits with code 13). Entry points load them one at
// a time through loadPayloadConfig (src/server/loadConfig.ts), so none may reach them statically.
test('no entry point reaches Lexical through static imports', () => {
  const entries = tree.modules.map((m) => m.source).filter((s) => ENTRY_POINTS.test(s))
  expect(entries).toEqual(expect.arrayContaining(['server.ts', SEED_SITE]))
  expect(entries.flatMap((entry) => staticChains(tree, entry, LEXICAL))).toEqual([])
  // The walk does find a static chain where there is one.
  expect(staticChains(tree, 'src/payload.config.ts', LEXICAL).length).toBeGreaterThan(0)
})

test('the rules catch a collection importing the host, impure src/lib and a folder cycle', async () => {
  const violations = await violationsOf(['src'], path.join(ROOT, 'tests/fixtures/deps'))
  const found = violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
  expect(found).toEqual(
    expect.arrayContaining([
      'server-only-from-entry: src/collections/Thing/hooks.ts → src/server/glue.ts',
      'features-not-up: src/collections/Thing/hooks.ts → src/server/glue.ts',
      'lib-imports-only-lib: src/lib/impure.ts → src/services/cors.ts',
      'pure-no-servers: src/lib/impure.ts → http',
      'no-circular-folders: src/search → src/endpoints',
    ]),
  )
  expect(found.some((f) => /^pure-no-frameworks: src\/lib\/impure\.ts → .*node_modules\/pg\//.test(f))).toBe(true)
  expect(found.some((f) => f.startsWith('no-circular: src/endpoints/search.ts'))).toBe(true)
})
