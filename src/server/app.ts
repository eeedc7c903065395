import express, { type Express } from 'express'
import type { Server } from 'node:http'
import type { Payload } from 'payload'
import { getPayload, handleEndpoints } from 'payload'

import { mountDigitalId } from '../auth/digitalId'
import { ensureDatabase, type EmbeddedDatabase } from '../db/embedded'
import { trustProxySetting } from '../lib/scaling'
import { anonymousSiteSearch } from '../search/endpoint'
import { releaseJobsLock } from '../services/jobsLeader'
import { CACHEABLE_PUBLIC_PATHS, listenForContentChanges } from '../services/publicContent'
import { payloadRestHandler } from './payloadRest'
import { createPublicCache } from './publicCache'
import { createPublicSnapshots, type PublicSnapshots } from './publicSnapshots'
import { loginFastRefusal } from './loginFastRefusal'
import { securityHeaders } from './securityHeaders'
import { surveyIntakeMiddleware } from './surveyIntake'
import { loadPayloadConfig } from './loadConfig'
import { closePayload } from './shutdown'

export type InfogoServer = {
  app: Express
  publicCache: ReturnType<typeof createPublicCache>
  publicSnapshots: PublicSnapshots
  payload: Payload
  database: EmbeddedDatabase
  listen: (port: number, host?: string) => Promise<Server>
  close: () => Promise<void>
}

export type ServerOptions = {
  /** Render the admin and the citizen site through Next (off in API-only tests). */
  withNext?: boolean
  dev?: boolean
  /** Extra routes mounted before Payload and Next (Digital ID). */
  mount?: (app: Express, payload: Payload) => Promise<void> | void
}

/**
 * Builds the Express app: Payload's REST API under /api, then Next for /admin and the site.
 * The database is embedded unless DATABASE_URL is set.
 */
export async function createInfogoServer(options: ServerOptions = {}): Promise<InfogoServer> {
  const database = await ensureDatabase()
  const config = await loadPayloadConfig()
  const payload = await getPayload({ config })
  // A dropped connection (database restart, failover) must not crash the process: the pool
  // reconnects on the next query and /api/health reports 503 meanwhile.
  const pool = (payload.db as unknown as { pool?: { on: (event: string, fn: (err: Error) => void) => void } }).pool
  pool?.on('error', (err) => payload.logger.warn(`database connection lost: ${err.message}`))

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxySetting(process.env.TRUST_PROXY))
  // Every answer carries the security headers (CSP with a per-request nonce for Next's pages).
  app.use(securityHeaders({ dev: options.dev ?? process.env.NODE_ENV !== 'production' }))
  // The address Express trusts, for whatever reads it further on (Next's routes too, e.g. GraphQL
  // logins): a client's own x-infogo-client-ip never gets through.
  app.use((req, _res, next) => {
    req.headers['x-infogo-client-ip'] = req.ip || req.socket.remoteAddress || 'unknown'
    next()
  })

  if (options.mount) await options.mount(app, payload)
  // Digital ID login (and the local OpenID provider in development) before Payload's /api.
  mountDigitalId(app, payload)

  // Citizens' searches skip Payload's request pipeline (the same parse and query as its endpoint).
  const answer = async (request: Request) => (await anonymousSiteSearch(payload, request)) ?? handleEndpoints({ config, request })
  const rest = payloadRestHandler(answer)
  // Anonymous public reads are served from memory until content changes on any instance.
  const publicCache = createPublicCache({ cacheable: CACHEABLE_PUBLIC_PATHS })
  const contentListener = listenForContentChanges(database.url, publicCache.invalidate)
  await contentListener.ready
  // Uncached anonymous reads of exact shapes come from the published read model, one query each
  // (PUBLIC_SNAPSHOTS=off, checked per request, sends them on to the cache and Payload).
  const publicSnapshots = createPublicSnapshots(payload)
  await publicSnapshots.ready
  // Citizens' ratings (QR posters, bursts): straight to the intake, not through Payload's router.
  // A login flood from an address already refused is answered before Payload's pipeline.
  app.use('/api', loginFastRefusal(payload))
  app.use('/api', surveyIntakeMiddleware(payload))
  app.use('/api', publicSnapshots.middleware)
  if (process.env.PUBLIC_CACHE !== 'off') {
    app.use('/api', publicCache.middleware(answer))
  }
  // GraphQL stays with Next's generated route; everything else under /api is Payload REST.
  app.use('/api', (req, res, next) => {
    if (options.withNext && req.path.startsWith('/graphql')) return next()
    rest(req, res).catch(next)
  })

  let nextClose: (() => Promise<void>) | undefined
  if (options.withNext) {
    const { default: next } = await import('next')
    const nextApp = next({ dev: options.dev ?? false, dir: process.cwd() })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    app.all('/{*splat}', (req, res) => handle(req, res))
    nextClose = () => nextApp.close()
  }

  let server: Server | undefined
  const sockets = new Set<import('node:net').Socket>()
  return {
    app,
    publicCache,
    publicSnapshots,
    payload,
    database,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve) => {
        server = app.listen(port, host, () => resolve(server as Server))
        server.on('connection', (socket) => {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
        })
      }),
    close: async () => {
      if (server) {
        await new Promise<void>((resolve) => {
          server!.close(() => resolve())
          // Idle keep-alive connections would hold the close open.
          server!.closeIdleConnections?.()
          setTimeout(() => sockets.forEach((s) => s.destroy()), 5000).unref()
        })
      }
      await nextClose?.().catch(() => undefined)
      await contentListener.close()
      await publicSnapshots.close()
      publicCache.dispose()
      // Another instance takes the queue over at its next tick.
      await releaseJobsLock()
      await closePayload(payload)
      await database.stop()
    },
  }
}
