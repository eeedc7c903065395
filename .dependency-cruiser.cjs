/**
 * The rules of the house for imports (docs/architecture.md draws the layers). A module may import
 * its own layer and the layers below it, never one above:
 *
 *   1. entry points   server.ts, scripts/, bench/, tests/
 *   2. host           src/server (Express app, REST bridge, middlewares, seed, shutdown),
 *                     src/auth (Digital ID routes mounted on Express), src/import (the pipeline
 *                     `npm run import` runs), src/app and src/site (Next routes), src/proxy.ts
 *   3. config         src/payload.config.ts
 *   4. features       src/collections, src/plugins, src/search, src/endpoints, src/components,
 *                     src/admin
 *   5. building blocks src/services (Payload/pg, no feature), src/access, src/hooks, src/fields,
 *                     src/db, src/migrations
 *   6. pure           src/data (help content) over src/lib (domain logic): no Payload, pg, Next,
 *                     React, Express or node:http
 *
 * Checked by tests/unit/dependencies.test.ts (in `npm test`) and `npm run lint:deps`.
 */
const ENTRY = '^(server\\.ts$|scripts/|bench/|tests/)'
const HOST = '^src/(server|auth|import|app|site)/|^src/proxy\\.ts$'
const CONFIG = '^src/payload\\.config\\.ts$'
const FEATURES = '^src/(collections|plugins|search|endpoints|components|admin)/'
const BLOCKS = '^src/(services|access|hooks|fields|db|migrations)/'
const PURE = '^src/(lib|data)/'
/** What pure code must not reach: frameworks, the database, HTTP servers. */
const IMPURE_PACKAGES = '(^|/)node_modules/(payload|@payloadcms/[^/]+|pg|pg-[^/]+|drizzle-orm|next|react|react-dom|express|express-session|passport[^/]*)/'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'src-not-entry',
      comment: 'Application code never imports an entry point (server.ts, scripts, bench, tests).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ENTRY },
    },
    {
      name: 'server-only-from-entry',
      comment:
        'src/server is the Express host: only entry points import it. Shared pieces live below (src/services, src/lib); feature code belongs in its feature folder.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/server/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'host-parts-apart',
      comment:
        'The Digital ID routes (src/auth) are mounted by src/server; the import pipeline (src/import) is run by scripts: nothing else in src imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server|auth)/' },
      to: { path: '^src/auth/' },
    },
    {
      name: 'import-pipeline-only-from-entry',
      comment: 'src/import is the pipeline `npm run import` runs: only entry points (and itself) import it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/import/' },
      to: { path: '^src/import/' },
    },
    {
      name: 'config-not-host',
      comment: 'The Payload config is loaded by the host; it never imports the host back.',
      severity: 'error',
      from: { path: CONFIG },
      to: { path: HOST },
    },
    {
      name: 'features-not-up',
      comment:
        'Collections, plugins, search, endpoints, admin components: no import of the host or the config (Payload hands the config to hooks as req.payload.config).',
      severity: 'error',
      from: { path: FEATURES },
      to: { path: `${HOST}|${CONFIG}` },
    },
    {
      name: 'components-only-from-ui',
      comment: 'React components are for the admin and the site (src/app) and other components; server code refers to them by path string.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(components|app)/' },
      to: { path: '^src/components/' },
    },
    {
      name: 'blocks-not-up',
      comment: 'Building blocks (src/services, access, hooks, fields, db, migrations) know no feature, config or host.',
      severity: 'error',
      from: { path: BLOCKS },
      to: { path: `${HOST}|${CONFIG}|${FEATURES}` },
    },
    {
      name: 'lib-imports-only-lib',
      comment: 'src/lib is the bottom layer: it imports only itself.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'data-imports-only-pure',
      comment: 'src/data (help content, FAQ) is pure: it imports only src/lib (its types) and itself.',
      severity: 'error',
      from: { path: '^src/data/' },
      to: { path: '^src/', pathNot: PURE },
    },
    {
      name: 'pure-no-frameworks',
      comment: 'src/lib and src/data are pure: no Payload, pg, Next, React, Express.',
      severity: 'error',
      from: { path: PURE },
      to: { path: IMPURE_PACKAGES },
    },
    {
      name: 'pure-no-servers',
      comment: 'src/lib and src/data are pure: no HTTP or socket servers (node:http and friends).',
      severity: 'error',
      from: { path: PURE },
      to: { dependencyTypes: ['core'], path: '^(node:)?(http|https|http2|net|tls|dgram|child_process|cluster|worker_threads)$' },
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself through others.',
      severity: 'error',
      from: { path: '^(src/|server\\.ts$|scripts/|bench/)' },
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      comment: 'No folder of src/ imports itself through other folders (collections count as one folder).',
      severity: 'error',
      scope: 'folder',
      // Folders are named without a trailing slash; each collection's folder may use the others.
      from: { path: '^src/(?!collections$)[^/]+$' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.next/', '^tests/fixtures/', '^src/migrations/.*\\.json$', '^bench/out/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count too: a type that lives in a higher layer is a dependency on it.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    skipAnalysisNotInRules: true,
    // Folder-level analysis (no-circular-folders) is computed with the metrics.
    metrics: true,
  },
}
