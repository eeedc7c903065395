/**
 * The direction of imports (docs/architecture.md, rules in .dependency-cruiser.cjs): the whole tree
 * keeps to the layers, and the rules do catch a tree that does not (tests/fixtures/deps).
 */
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser'
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

async function violationsOf(paths: string[], baseDir = ROOT): Promise<IViolation[]> {
  const config = await extractDepcruiseConfig(path.join(ROOT, '.dependency-cruiser.cjs'))
  const result = await cruise(
    paths,
    { ...config.options, baseDir, validate: true, ruleSet: config, outputType: 'json' },
    {},
    { tsConfig: extractTSConfig(path.join(ROOT, 'tsconfig.json')) },
  )
  const output = typeof result.output === 'string' ? (JSON.parse(result.output) as ICruiseResult) : result.output
  return output.summary.violations
}

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`

test('every import in src, server.ts, scripts and bench keeps to the layers', async () => {
  const violations = await violationsOf(['src', 'server.ts', 'scripts', 'bench'])
  expect(violations.map(describeViolation)).toEqual([])
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
