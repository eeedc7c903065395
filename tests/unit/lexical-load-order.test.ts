/**
 * loadPayloadConfig (src/server/loadConfig.ts) loads Lexical's modules one at a time so their
 * top-level awaits never run side by side. That holds only while its list is in dependency order
 * and names every Lexical module the config reaches: both are checked against the installed builds.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

import { LEXICAL_MODULES_IN_LOAD_ORDER } from '../../src/server/loadConfig'

const ROOT = path.resolve(import.meta.dirname, '../..')
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'))
const LOADER = path.join(ROOT, 'src/server/loadConfig.ts')
const LEXICAL_IMPORT = /^import [^;]*? from '(lexical|@lexical\/[^']+)';/gm

/** The Lexical modules that `specifier`'s development build imports. */
function lexicalImportsOf(specifier: string): string[] {
  // The CommonJS entry sits beside the ESM builds: dist/Lexical.js → dist/Lexical.dev.mjs.
  const devBuild = requireFromRoot.resolve(specifier).replace(/\.js$/, '.dev.mjs')
  return [...fs.readFileSync(devBuild, 'utf8').matchAll(LEXICAL_IMPORT)].map((m) => m[1])
}

test('each Lexical module loads after every Lexical module its build imports', () => {
  const listed: string[] = [...LEXICAL_MODULES_IN_LOAD_ORDER]
  const outOfOrder = listed.flatMap((specifier, at) =>
    lexicalImportsOf(specifier)
      .filter((dependency) => dependency !== specifier && !listed.slice(0, at).includes(dependency))
      .map((dependency) => `${specifier} imports ${dependency}, which is not loaded before it`),
  )
  expect(outOfOrder).toEqual([])
  // The check reads real imports: @lexical/rich-text's build imports lexical and @lexical/html.
  expect(lexicalImportsOf('@lexical/rich-text')).toEqual(expect.arrayContaining(['lexical', '@lexical/html']))
})

test('loading the config reaches no Lexical entry file that the list leaves out', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lexical-order-'))
  const record = path.join(dir, 'resolved.txt')
  // A resolve hook in the child writes down every Lexical Node entry file (the ones with the
  // top-level await) that the config's import graph reaches, and who imported it.
  fs.writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `import fs from 'node:fs'
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  if (/\\/node_modules\\/(lexical|@lexical\\/[^/]+)\\/dist\\/[^/]+\\.node\\.mjs$/.test(result.url)) fs.appendFileSync(${JSON.stringify(record)}, JSON.stringify([context.parentURL, specifier, result.url]) + '\\n')
  return result
}
`,
  )
  fs.writeFileSync(
    path.join(dir, 'register.mjs'),
    `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)})\n`,
  )
  fs.writeFileSync(
    path.join(dir, 'load.mts'),
    `const { loadPayloadConfig } = await import(${JSON.stringify(pathToFileURL(LOADER).href)})\nawait loadPayloadConfig()\n`,
  )
  await promisify(execFile)(process.execPath, ['--import', path.join(dir, 'register.mjs'), '--import', 'tsx', '--no-deprecation', path.join(dir, 'load.mts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', PAYLOAD_SECRET: 'lexical-order', DATABASE_URL: 'postgres://nobody:none@127.0.0.1:1/none' },
  })
  const resolved = fs.readFileSync(record, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as [string, string, string])
  fs.rmSync(dir, { recursive: true, force: true })
  const listedSpecifiers: string[] = [...LEXICAL_MODULES_IN_LOAD_ORDER]
  const listed = new Set(resolved.filter(([parent, specifier]) => parent === pathToFileURL(LOADER).href && listedSpecifiers.includes(specifier)).map(([, , url]) => url))
  const reached = [...new Set(resolved.map(([, , url]) => url))]
  expect(listed.size).toBe(listedSpecifiers.length)
  expect(reached.filter((url) => !listed.has(url))).toEqual([])
}, 120_000)
