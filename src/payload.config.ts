import { postgresAdapter } from '@payloadcms/db-postgres'
import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { th } from '@payloadcms/translations/languages/th'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { hasAnyRole } from './access/user'
import { collections } from './collections'
import { delayNoticeTasks } from './collections/DelayNotices/jobs'
import { healthEndpoint } from './endpoints/health'
import { satisfactionExportEndpoint } from './endpoints/satisfactionExport'
import { reportEndpoints } from './endpoints/reports'
import { openApiEndpoint } from './endpoints/openapi'
import { databasePoolMax } from './lib/env'
import { MEDIA_MAX_BYTES } from './lib/uploads'
import { readReplicaUrls } from './lib/scaling'
import { migrations } from './migrations'
import { siteSearchPlugin } from './search/plugin'
import { searchSchemaHook } from './search/schema'
import { publicContentChangedPlugin } from './plugins/publicContentChanged'
import { fieldErrorsPlugin } from './plugins/fieldErrors'
import { officerNavPlugin } from './admin/officerNav'
import { buddhistEraDatesPlugin } from './plugins/buddhistEraDates'
import { bootstrapAdmin } from './collections/Users/bootstrapAdmin'
import { emailAdapterFromEnv } from './services/email'
import { holdsJobsLock, jobsAutoRun } from './services/jobsLeader'
import { PUBLIC_CONTENT_COLLECTIONS } from './services/publicContent'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const isProduction = process.env.NODE_ENV === 'production'

function secret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  // `next build` loads this config without serving anything; server.ts refuses to start in
  // production without a real secret.
  if (isProduction) return 'infogo-build-time-placeholder-secret'
  return 'infogo-development-secret-not-for-production'
}

export default buildConfig({
  secret: secret(),
  serverURL: process.env.SERVER_URL || undefined,
  telemetry: false,
  // Tests keep the output to real problems.
  logger: process.env.NODE_ENV === 'test' ? { options: { level: 'error' } } : undefined,
  // A wrong password is routine (one line, no stack); a throttled attempt is not logged at all
  // (the audit log keeps one entry per refused window), so a login flood cannot flood the logs.
  loggingLevels: { AuthenticationError: 'info', ...({ TooManyAttempts: false } as object) },
  admin: {
    user: 'users',
    importMap: { baseDir: path.resolve(dirname) },
    meta: { titleSuffix: ' · admin.info.go.th', description: 'ระบบจัดการข้อมูลศูนย์ข้อมูลการติดต่อราชการ' },
    // dateFormat: Buddhist-era patterns from buddhistEraDatesPlugin (src/plugins/buddhistEraDates.ts).
    // Gravatar images are blocked on government networks: the built-in avatar, no outside request.
    avatar: 'default',
    components: {
      // Our marks, not Payload's, on the login page and in the nav.
      graphics: { Logo: '/components/Admin/Brand#Logo', Icon: '/components/Admin/Brand#Icon' },
      // Admin home: what waits for this officer, by role (docs/officers-and-digital-id.md).
      beforeDashboard: ['/components/Admin/OfficerDashboard#OfficerDashboard'],
      // Officers: Digital ID on the login page; an officer without an agency only sees "redeem token".
      afterLogin: ['/components/Auth/DigitalIdButton#DigitalIdButton'],
      providers: ['/components/Auth/UnboundRedirect#UnboundRedirect'],
      views: {
        redeemToken: { Component: '/components/Auth/RedeemTokenView#RedeemTokenView', path: '/redeem-token' },
        satisfactionReport: { Component: '/components/survey/SatisfactionReportView#SatisfactionReportView', path: '/reports/satisfaction' },
        licenceSummary: { Component: '/components/LicenceReports/LicenceSummaryView#LicenceSummaryView', path: '/reports/licence' },
        summaryReports: { Component: '/components/Reports/SummaryReportsView#SummaryReportsView', path: '/reports', exact: true },
        helpFaq: { Component: '/components/Admin/HelpView#FaqView', path: '/help', exact: true },
        helpGuidelines: { Component: '/components/Admin/HelpView#GuidelinesView', path: '/help/guidelines' },
      },
      // Custom views and files in the menu, per role (src/lib/adminNav.ts; includes the satisfaction report).
      afterNavLinks: ['/components/Admin/OfficerNavLinks#OfficerNavLinks'],
    },
  },
  i18n: {
    supportedLanguages: { th, en },
    fallbackLanguage: 'th',
  },
  collections,
  // The satisfaction export first: /reports/:report/export would otherwise answer it.
  endpoints: [healthEndpoint, openApiEndpoint, satisfactionExportEndpoint, ...reportEndpoints],
  editor: lexicalEditor(),
  // SMTP_HOST set: workflow notifications are also emailed (docs/manual-workflow.md).
  email: emailAdapterFromEnv(),
  jobs: {
    tasks: [...delayNoticeTasks],
    // A cron only in a server.ts process (JOBS_AUTORUN not false); tests run the queue
    // themselves with payload.jobs.run().
    autoRun: jobsAutoRun,
    // Only the instance holding the jobs lock runs the queue: each job runs once (docs/operations.md, "Scaling").
    shouldAutoRun: holdsJobsLock,
    // Queueing, running and cancelling jobs over REST is for system admins only.
    access: {
      queue: ({ req }) => hasAnyRole(req, 'system-admin'),
      run: ({ req }) => hasAnyRole(req, 'system-admin'),
      cancel: ({ req }) => hasAnyRole(req, 'system-admin'),
    },
  },
  db: postgresAdapter({
    pool: {
      connectionString: process.env.DATABASE_URL,
      max: databasePoolMax(process.env),
    },
    // Development and tests push the schema; production applies the committed migrations.
    push: !isProduction,
    // Scale-out: reads go to these replicas (comma-separated URLs); writes, and reads shortly after
    // a write, stay on DATABASE_URL (docs/operations.md, "Scaling").
    readReplicas: readReplicaUrls(process.env.DATABASE_READ_REPLICAS),
    migrationDir: path.resolve(dirname, 'migrations'),
    // DATABASE_PUSH=true: a development-mode process pushed this database's schema (the browser
    // tests and bench:site run the production server on it), so production applies no migrations.
    prodMigrations: process.env.DATABASE_PUSH === 'true' ? undefined : migrations,
    // Site search: pg_trgm, and the search table's tsvector columns and GIN indexes (src/search/schema.ts).
    extensions: ['pg_trgm'],
    afterSchemaInit: [searchSchemaHook],
  }),
  sharp,
  // Too large: a 400 with a field error on `file` in Thai and English (not the parser's bare 413).
  // The parser stops one byte past the limit (memory stays bounded) and the media collection's
  // beforeOperation check then answers 400 on `file` in Thai and English. No limitHandler: the
  // root `upload` config reaches the admin's client config, where a function breaks every page.
  upload: { limits: { fileSize: MEDIA_MAX_BYTES + 1 }, abortOnLimit: false },
  typescript: { autoGenerate: false, outputFile: path.resolve(dirname, 'payload-types.ts') },
  graphQL: { disablePlaygroundInProduction: true },
  plugins: [
    nestedDocsPlugin({
      collections: ['agencies'],
      generateLabel: (_, doc) => String(doc.name ?? ''),
    }),
    siteSearchPlugin(),
    publicContentChangedPlugin(PUBLIC_CONTENT_COLLECTIONS),
    // After every plugin that adds collections: พ.ศ. date formats and the year guard on all date fields
    // (before fieldErrorsPlugin, which keeps its bilingual message).
    buddhistEraDatesPlugin(),
    // After every plugin that adds fields: Thai + English messages naming the expected shape (docs/public-api.md, Errors).
    fieldErrorsPlugin(),
    // Last: menu groups, officer names and per-role hiding for every collection (src/lib/adminNav.ts).
    officerNavPlugin(),
  ],
  onInit: async (payload) => {
    await bootstrapAdmin(payload)
  },
})
