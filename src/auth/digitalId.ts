import { createHash, randomBytes } from 'node:crypto'

import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import session from 'express-session'
import passport from 'passport'
import OpenIDConnectStrategy from 'passport-openidconnect'
import type { Payload } from 'payload'

import { authLimits, bruteForceGuard, tooManyBody } from '../lib/bruteForce'
import { classifyLoginFailure, loginFailureMessage, type LoginFailure } from '../lib/digitalIdErrors'
import { rateLimiter } from '../services/rateLimit'
import { recordAudit } from '../collections/AuditLog/record'
import { digitalIdSettings, type DigitalIdSettings } from './config'
import { mountDevProvider } from './devProvider'
import { loginFailurePage } from './page'
import { mintPayloadSession } from './session'
import { PostgresSessionStore } from './sessionStore'
import { IdTokenRejected, verifyIdToken } from './verifyIdToken'

type Discovery = { issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string }
type OidcRequest = Request & { digitalId?: { nonce?: string; codeVerifier?: string } }
type Officer = { id: number | string; email?: string }

const STATE_KEY = 'digitalId'
const discoveries = new Map<string, { at: number; value: Promise<Discovery> }>()

/** The provider's endpoints, from its discovery document (cached for an hour). */
function discover(issuer: string): Promise<Discovery> {
  const cached = discoveries.get(issuer)
  if (cached && Date.now() - cached.at < 60 * 60 * 1000) return cached.value
  const value = fetch(`${issuer}/.well-known/openid-configuration`).then(async (res) => {
    if (!res.ok) throw new Error(`discovery failed: HTTP ${res.status}`)
    return (await res.json()) as Discovery
  })
  value.catch(() => discoveries.delete(issuer))
  discoveries.set(issuer, { at: Date.now(), value })
  return value
}

const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

/**
 * passport-openidconnect's state store, kept in the /auth session: the random `state`, the
 * `nonce` and the PKCE verifier of one login. Verifying consumes them, so a callback replays once at most.
 */
class LoginStateStore {
  store(req: OidcRequest, ctx: { nonce?: string }, appState: unknown, _meta: unknown, cb: (err: Error | null, handle?: string) => void) {
    const handle = randomBytes(24).toString('base64url')
    ;(req.session as unknown as Record<string, unknown>)[STATE_KEY] = {
      handle,
      nonce: ctx.nonce,
      codeVerifier: req.digitalId?.codeVerifier,
      issued: new Date().toISOString(),
    }
    cb(null, handle)
  }

  verify(req: OidcRequest, handle: string, cb: (err: Error | null, ctx?: false | { nonce?: string }, state?: unknown) => void) {
    const bag = req.session as unknown as Record<string, { handle?: string; nonce?: string; codeVerifier?: string } | undefined>
    const saved = bag[STATE_KEY]
    delete bag[STATE_KEY]
    if (!saved?.handle) return cb(null, false, { message: 'Unable to verify authorization request state.' })
    if (typeof handle !== 'string' || saved.handle !== handle) return cb(null, false, { message: 'Invalid authorization request state.' })
    req.digitalId = { nonce: saved.nonce, codeVerifier: saved.codeVerifier }
    cb(null, { nonce: saved.nonce })
  }
}

/** The officer with this Digital ID `sub`, created (unbound, no roles) on their first login. */
export async function findOrCreateOfficer(payload: Payload, claims: { sub: string; email?: unknown; email_verified?: unknown; name?: unknown }): Promise<Officer> {
  const find = async () =>
    (await payload.find({ collection: 'users', where: { digitalIdSub: { equals: claims.sub } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Officer | undefined
  const existing = await find()
  if (existing) return existing

  // First run of a production installation: the bootstrap admin (ADMIN_EMAIL) takes over their
  // Digital ID on first login, once, when the provider vouches for that very address.
  const adminEmail = process.env.ADMIN_EMAIL?.toLowerCase()
  if (adminEmail && claims.email_verified === true && typeof claims.email === 'string' && claims.email.toLowerCase() === adminEmail) {
    const admin = (
      await payload.find({
        collection: 'users',
        where: { and: [{ email: { equals: adminEmail } }, { roles: { in: ['system-admin'] } }, { digitalIdSub: { exists: false } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    if (admin) {
      return (await payload.update({ collection: 'users', id: admin.id, data: { digitalIdSub: claims.sub } as never, overrideAccess: true, context: { systemWrite: true } })) as Officer
    }
  }

  // The provider's email is used when verified and free; an existing password account with the
  // same address is never taken over by a Digital ID login.
  let email = `${createHash('sha256').update(claims.sub).digest('hex').slice(0, 24)}@digital-id.info.go.th`
  if (typeof claims.email === 'string' && claims.email && claims.email_verified !== false) {
    const taken = await payload.count({ collection: 'users', where: { email: { equals: claims.email.toLowerCase() } }, overrideAccess: true })
    if (taken.totalDocs === 0) email = claims.email.toLowerCase()
  }
  try {
    return (await payload.create({
      collection: 'users',
      data: {
        email,
        name: typeof claims.name === 'string' ? claims.name : undefined,
        digitalIdSub: claims.sub,
        roles: [],
        // Digital ID officers never log in with a password; this one is random and unknown.
        password: randomBytes(32).toString('base64url'),
      } as never,
      overrideAccess: true,
      context: { systemWrite: true },
    })) as Officer
  } catch (error) {
    // Two first logins at once: the unique sub let one through; use it.
    const raced = await find()
    if (raced) return raced
    throw error
  }
}

const strategies = new Map<string, Promise<{ strategy: OpenIDConnectStrategy; discovery: Discovery }>>()

function strategyFor(payload: Payload, settings: DigitalIdSettings) {
  const key = `${settings.issuer}|${settings.clientId}|${settings.callbackUrl}`
  let entry = strategies.get(key)
  if (!entry) {
    entry = discover(settings.issuer).then((discovery) => {
      const verify = async (
        req: OidcRequest,
        _issuer: string,
        _profile: unknown,
        _context: unknown,
        idToken: string,
        done: (err: Error | null, user?: Officer | false, info?: { message: string }) => void,
      ) => {
        try {
          const claims = await verifyIdToken(idToken, {
            issuer: discovery.issuer,
            clientId: settings.clientId,
            nonce: req.digitalId?.nonce,
            jwksUri: discovery.jwks_uri,
          })
          done(null, await findOrCreateOfficer(payload, claims))
        } catch (error) {
          if (error instanceof IdTokenRejected) done(null, false, { message: error.message })
          else done(error as Error)
        }
      }
      const strategy = new OpenIDConnectStrategy(
        {
          issuer: discovery.issuer,
          authorizationURL: discovery.authorization_endpoint,
          tokenURL: discovery.token_endpoint,
          clientID: settings.clientId,
          clientSecret: settings.clientSecret,
          callbackURL: settings.callbackUrl,
          scope: ['email', 'profile'],
          nonce: true as never,
          passReqToCallback: true,
          store: new LoginStateStore() as never,
        } as never,
        verify as never,
      )
      // PKCE (S256): passport-openidconnect 0.1.2 has no option for it, so the challenge is added
      // to the authorization request here and the verifier to the token request in `perRequest`.
      ;(strategy as unknown as { authorizationParams: (o: { codeChallenge?: string }) => object }).authorizationParams = (options) =>
        options.codeChallenge ? { code_challenge: options.codeChallenge, code_challenge_method: 'S256' } : {}
      return { strategy, discovery }
    })
    entry.catch(() => strategies.delete(key))
    strategies.set(key, entry)
  }
  return entry
}

/** A per-request copy of the strategy (passport decorates the instance it runs). */
function perRequest(strategy: OpenIDConnectStrategy, req: OidcRequest) {
  const instance = Object.create(strategy) as OpenIDConnectStrategy & { _oauth2: any }
  const base = (strategy as unknown as { _oauth2: any })._oauth2
  const oauth2 = Object.create(base)
  oauth2.getOAuthAccessToken = (code: string, params: Record<string, string>, cb: unknown) =>
    base.getOAuthAccessToken.call(oauth2, code, { ...params, ...(req.digitalId?.codeVerifier ? { code_verifier: req.digitalId.codeVerifier } : {}) }, cb)
  instance._oauth2 = oauth2
  return instance
}

/** Digital ID callbacks per client address (DIGITAL_ID_RATE_LIMIT_ADDRESS_*). */
const callbackGuard = (payload: Payload) =>
  bruteForceGuard({ perAddress: rateLimiter(payload, { name: 'digital-id-callback', ...authLimits().digitalIdPerAddress }) })

const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`

function refuse(res: Response, reason: LoginFailure, status = 403) {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(loginFailurePage(reason))
}

/**
 * Digital ID (OpenID Connect) for officers: GET /auth/digital-id/login and /callback. The
 * callback checks state, nonce, PKCE and the ID token (signature, iss, aud, exp), finds or creates
 * the officer by `sub`, and answers with the same `payload-token` session a password login gives.
 */
export function mountDigitalId(app: Express, payload: Payload): void {
  mountDevProvider(app, payload.secret)

  const router = express.Router()
  // Only the login handshake uses this session; the rest of the app never sees it.
  router.use(
    session({
      name: 'infogo.digital-id',
      secret: payload.secret,
      resave: false,
      saveUninitialized: false,
      store: new PostgresSessionStore(payload),
      cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/auth', maxAge: 15 * 60 * 1000 },
    }),
  )

  router.get('/digital-id/login', async (req: OidcRequest, res, next: NextFunction) => {
    const settings = digitalIdSettings(originOf(req))
    if (!settings) return refuse(res, 'not-configured', 503)
    let strategy: OpenIDConnectStrategy
    try {
      ;({ strategy } = await strategyFor(payload, settings))
    } catch (error) {
      payload.logger.error(`Digital ID discovery failed: ${(error as Error).message}`)
      return refuse(res, 'provider', 502)
    }
    const codeVerifier = randomBytes(32).toString('base64url')
    req.digitalId = { codeVerifier }
    passport.authenticate(perRequest(strategy, req) as never, { session: false, codeChallenge: pkceChallenge(codeVerifier) } as never)(req, res, next)
  })

  router.get('/digital-id/callback', async (req: OidcRequest, res, next: NextFunction) => {
    const settings = digitalIdSettings(originOf(req))
    if (!settings) return refuse(res, 'not-configured', 503)
    let strategy: OpenIDConnectStrategy
    try {
      ;({ strategy } = await strategyFor(payload, settings))
    } catch {
      return refuse(res, 'provider', 502)
    }
    const ip = req.ip ?? null
    const refused = async (reason: LoginFailure, detail: string, status = 403) => {
      await recordAudit(payload, { action: 'login-refused', ip, details: { method: 'digital-id', reason, detail } }).catch(() => undefined)
      refuse(res, reason, status)
    }
    // A callback without a login started in this browser cannot succeed: refused at once, not
    // counted (nor audited), so nobody can use up a shared office address's allowance with bare requests.
    if (!(req.session as unknown as Record<string, unknown> | undefined)?.[STATE_KEY]) return refuse(res, 'state', 403)
    // Callbacks that do not end in a login are counted per address (a login gives its point back).
    const address = ip ?? 'unknown'
    const guard = callbackGuard(payload)
    const verdict = await guard.attempt(address)
    if (!verdict.allowed) {
      if (verdict.first)
        await recordAudit(payload, { action: 'throttled', ip, details: { method: 'digital-id', scope: verdict.scope, retryAfterSeconds: verdict.retryAfterSeconds } }).catch(() => undefined)
      res.set('Retry-After', String(verdict.retryAfterSeconds)).set('Cache-Control', 'no-store').status(429)
      // A browser reads the page; a script gets Payload's JSON error shape.
      if (req.accepts(['html', 'json']) === 'json') res.json(tooManyBody(loginFailureMessage('throttled').text, verdict.retryAfterSeconds))
      else res.type('html').send(loginFailurePage('throttled'))
      return
    }
    passport.authenticate(perRequest(strategy, req) as never, { session: false }, async (err: Error | null, user: Officer | false, info?: { message?: string }) => {
      try {
        if (err) {
          payload.logger.warn(`Digital ID callback error: ${err.message}`)
          const reason = classifyLoginFailure(err.message)
          return await refused(reason === 'unknown' ? 'provider' : reason, err.message, reason === 'unknown' ? 502 : 403)
        }
        if (!user) return await refused(classifyLoginFailure(info?.message), info?.message ?? '')
        const { cookie } = await mintPayloadSession(payload, user.id)
        await recordAudit(payload, { action: 'login', actor: user.id, targetUser: user.id, ip, details: { method: 'digital-id' } })
        await guard.succeeded(address)
        res.append('Set-Cookie', cookie)
        res.redirect(302, '/admin')
      } catch (error) {
        next(error)
      }
    })(req, res, next)
  })

  // Never a stack trace: anything unexpected in the handshake is a plain bilingual page.
  router.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    payload.logger.error(`Digital ID: ${error.message}`)
    if (!res.headersSent) refuse(res, 'unknown', 500)
  })
  app.use('/auth', router)
}
