import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { NextFunction, Request, RequestHandler, Response } from 'express'
import helmet from 'helmet'
import onHeaders from 'on-headers'

import { positiveInt } from '../lib/env'
import { behindTrustedProxy } from '../lib/scaling'

/**
 * Security headers on every answer (helmet): a Content-Security-Policy, X-Content-Type-Options,
 * Referrer-Policy, X-Frame-Options, Cross-Origin-Opener/Resource-Policy and, in production behind
 * a TLS-terminating proxy (TRUST_PROXY=true, X-Forwarded-Proto https), Strict-Transport-Security.
 *
 * Pages (admin, citizen site, Digital ID pages) get a per-request nonce: Next reads it from the
 * request's own Content-Security-Policy header (set here before Next renders) and puts it on
 * every script it writes, so scripts need no 'unsafe-inline'; 'strict-dynamic' lets the scripts
 * Next loads load their chunks. Styles keep 'unsafe-inline': Payload's admin (react-select's
 * emotion, Lexical, react-datepicker) writes <style> elements and style attributes without a
 * nonce, and a nonce in style-src would turn 'unsafe-inline' off. Styles cannot run code.
 *
 * The REST API answers JSON under `default-src 'none'`; its files (media, posters, exports) get a
 * policy that still forbids scripts but lets the browser's own image and PDF viewers draw them.
 */

export const CSP_NONCE_HEADER = 'content-security-policy'

type Options = {
  /** `next dev`: React needs eval for its debugging aids, only in development. */
  dev: boolean
  env?: Record<string, string | undefined>
}

const originOf = (url: string | undefined): string | undefined => {
  if (!url) return undefined
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

/** The site's own origins besides 'self': the admin/API and citizen-site URLs when configured. */
export function ownOrigins(env: Record<string, string | undefined> = process.env): string[] {
  return [...new Set([originOf(env.SERVER_URL), originOf(env.PUBLIC_SITE_URL)].filter((o): o is string => Boolean(o)))]
}

const nonceOf = (res: ServerResponse) => String((res as Response).locals?.cspNonce ?? '')

/** The pages' directives (exported for the tests and the docs). */
export function pageDirectives(options: Options) {
  const own = ownOrigins(options.env)
  return {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      (_req: IncomingMessage, res: ServerResponse) => `'nonce-${nonceOf(res)}'`,
      "'strict-dynamic'",
      ...(options.dev ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    // Upload previews and cropping use blob: URLs; Payload's icons and some thumbnails are data: URLs.
    'img-src': ["'self'", 'data:', 'blob:', ...own],
    'font-src': ["'self'", 'data:'],
    // Same origin only (in development also the HMR websocket, which 'self' covers).
    'connect-src': ["'self'", ...own],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    // Live preview: the admin frames the site's manual page; nobody else frames anything.
    'frame-src': ["'self'", ...own],
    'frame-ancestors': ["'self'", ...own],
    'form-action': ["'self'", ...own],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  }
}

export const API_JSON_DIRECTIVES = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
}

/** Files from the API opened in a tab: no scripts, but Chrome's PDF viewer needs its <embed> and inline styles. */
export const API_FILE_DIRECTIVES = {
  'default-src': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'media-src': ["'self'"],
  'style-src': ["'unsafe-inline'"],
  'object-src': ["'self'"],
  'frame-ancestors': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/')
const isJson = (contentType: unknown) => /^(application\/([\w.+-]*\+)?json|text\/plain)\b/i.test(String(contentType ?? ''))
const noop = () => undefined

export function securityHeaders(options: Options): RequestHandler {
  const env = options.env ?? process.env
  const production = !options.dev
  const common = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    // The citizen site links out to agencies; they learn the origin, never the path or query.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'sameorigin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  })
  // The public API is read by other origins (CORS) and its posters are embedded: not same-origin only.
  const apiResourcePolicy = helmet.crossOriginResourcePolicy({ policy: 'cross-origin' })
  const hsts = helmet.strictTransportSecurity({
    maxAge: positiveInt(env, 'HSTS_MAX_AGE', 365 * 24 * 60 * 60),
    // Off unless asked: on a shared parent domain it would force HTTPS on every sibling site.
    includeSubDomains: env.HSTS_INCLUDE_SUBDOMAINS === 'true',
  })
  const behindTlsProxy = production && behindTrustedProxy(env.TRUST_PROXY)

  const directives = pageDirectives(options)
  const pagePolicy = helmet.contentSecurityPolicy({ useDefaults: false, directives })
  // Only for a request that came over https: on plain-http development it would break every asset.
  const securePagePolicy = helmet.contentSecurityPolicy({ useDefaults: false, directives: { ...directives, 'upgrade-insecure-requests': [] } })
  const apiJsonPolicy = helmet.contentSecurityPolicy({ useDefaults: false, directives: API_JSON_DIRECTIVES })
  const apiFilePolicy = helmet.contentSecurityPolicy({ useDefaults: false, directives: API_FILE_DIRECTIVES })

  return (req: Request, res: Response, next: NextFunction) => {
    // Only this server decides the nonce Next reads from these request headers.
    delete req.headers[CSP_NONCE_HEADER]
    delete req.headers['content-security-policy-report-only']
    common(req, res, () => {
      if (behindTlsProxy && req.secure) hsts(req, res, noop)
      if (isApi(req.path)) {
        apiResourcePolicy(req, res, noop)
        // Payload's GraphQL playground (development only) draws itself from a CDN: no policy there.
        if (options.dev && req.path.startsWith('/api/graphql-playground')) return next()
        apiJsonPolicy(req, res, noop)
        // Decided when the answer's type is known: JSON stays at 'none', a file gets the viewer's policy.
        onHeaders(res, function (this: ServerResponse) {
          if (!isJson(this.getHeader('content-type'))) apiFilePolicy(req, this, noop)
        })
        return next()
      }
      res.locals.cspNonce = randomBytes(16).toString('base64')
      ;(req.secure ? securePagePolicy : pagePolicy)(req, res, noop)
      // Next takes the nonce for its scripts from the request's policy header.
      req.headers[CSP_NONCE_HEADER] = String(res.getHeader('Content-Security-Policy'))
      next()
    })
  }
}
