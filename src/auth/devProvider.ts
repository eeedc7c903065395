import express, { type Express, type Request, type Response } from 'express'
import { exportJWK, generateKeyPair } from 'jose'
import Provider from 'oidc-provider'

import { CALLBACK_PATH, DEV_CLIENT_ID, DEV_CLIENT_SECRET, DEV_PROVIDER_PATH, devProviderEnabled } from './config'
import { DEMO_IDENTITIES, findDemoIdentity } from './demoIdentities'
import { escapeHtml } from './page'

/**
 * The local OpenID provider for development and tests (oidc-provider), so the whole Digital ID
 * login runs offline. Never mounted in production or when OIDC_ISSUER is set.
 * The issuer depends on the server's own origin, so each origin gets its provider on first use.
 */
const providers = new Map<string, Promise<Provider>>()

async function createProvider(issuer: string, secret: string): Promise<Provider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(privateKey)), kid: 'infogo-dev-key', alg: 'RS256', use: 'sig' }
  const origin = new URL(issuer).origin
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DEV_CLIENT_ID,
        client_secret: DEV_CLIENT_SECRET,
        redirect_uris: [`${origin}${CALLBACK_PATH}`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // passport-openidconnect's OAuth2 client sends the secret in the form body.
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [secret] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put name and email into the ID token itself, as Digital ID does.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { Interaction: 15 * 60, Session: 8 * 60 * 60, Grant: 8 * 60 * 60, AccessToken: 10 * 60, IdToken: 10 * 60, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${DEV_PROVIDER_PATH}/interaction/${interaction.uid}` },
    // A first-party development client: consent is implied.
    loadExistingGrant: async (ctx: any) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId)
      if (grantId) return ctx.oidc.provider.Grant.find(grantId)
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
    findAccount: async (_ctx: unknown, sub: string) => {
      const identity = findDemoIdentity(sub)
      if (!identity) return undefined
      return {
        accountId: sub,
        claims: async () => ({ sub, name: identity.name, email: identity.email, email_verified: true }),
      }
    },
    renderError: async (ctx: any, out: { error?: unknown; error_description?: unknown }) => {
      ctx.type = 'html'
      ctx.body = `<!doctype html><meta charset="utf-8"><title>Digital ID (dev)</title><h1>ผู้ให้บริการ Digital ID ทดสอบ: เกิดข้อผิดพลาด</h1><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p>`
    },
  })
  provider.proxy = true
  return provider
}

function loginPage(uid: string): string {
  const buttons = DEMO_IDENTITIES.map(
    (identity) => `<form method="post" action="${DEV_PROVIDER_PATH}/interaction/${uid}/login">
      <input type="hidden" name="account" value="${escapeHtml(identity.sub)}">
      <button type="submit">${escapeHtml(identity.name)} <small>${escapeHtml(identity.email)} · ${escapeHtml(identity.description)}</small></button>
    </form>`,
  ).join('\n')
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>Digital ID (ทดสอบ / development)</title>
<style>body{font-family:sans-serif;max-width:560px;margin:48px auto;padding:0 16px}button{display:block;width:100%;padding:12px;margin:8px 0;text-align:left;font-size:1rem}small{display:block;opacity:.7}</style></head>
<body><h1>Digital ID ทดสอบ</h1><p>ผู้ให้บริการ Digital ID จำลองสำหรับการพัฒนา เลือกบุคคลตัวอย่างเพื่อเข้าสู่ระบบ</p>
<p><small>Local development provider: pick a demo identity.</small></p>${buttons}</body></html>`
}

/** Mounts the provider and its login page under /oidc-dev (outside production, without OIDC_ISSUER). */
export function mountDevProvider(app: Express, secret: string): void {
  const providerFor = (req: Request) => {
    const issuer = `${(process.env.SERVER_URL || `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '')}${DEV_PROVIDER_PATH}`
    let provider = providers.get(issuer)
    if (!provider) {
      provider = createProvider(issuer, secret)
      providers.set(issuer, provider)
    }
    return provider
  }
  const router = express.Router()
  router.use((_req, res, next) => (devProviderEnabled() ? next() : res.status(404).end()))
  router.get('/interaction/:uid', async (req: Request, res: Response, next) => {
    try {
      const provider = await providerFor(req)
      const details = await provider.interactionDetails(req, res)
      if (details.prompt.name === 'login') {
        res.type('html').send(loginPage(String(details.uid)))
        return
      }
      // Consent for the first-party client: grant what was asked.
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) })
      grant!.addOIDCScope(String(details.params.scope ?? 'openid'))
      const grantId = await grant!.save()
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
    } catch (error) {
      next(error)
    }
  })
  router.post('/interaction/:uid/login', express.urlencoded({ extended: false }), async (req: Request, res: Response, next) => {
    try {
      const provider = await providerFor(req)
      const identity = findDemoIdentity(String(req.body?.account ?? ''))
      if (!identity) {
        res.status(400).type('html').send('<!doctype html><meta charset="utf-8"><p>ไม่พบบุคคลตัวอย่างนี้ (Unknown demo identity)</p>')
        return
      }
      await provider.interactionFinished(req, res, { login: { accountId: identity.sub } }, { mergeWithLastSubmission: false })
    } catch (error) {
      next(error)
    }
  })
  router.use(async (req, res, next) => {
    try {
      const provider = await providerFor(req)
      provider.callback()(req, res)
    } catch (error) {
      next(error)
    }
  })
  // A plain page, never Express's stack trace.
  router.use((error: Error, _req: Request, res: Response, _next: express.NextFunction) => {
    if (!res.headersSent)
      res.status(400).type('html').send(`<!doctype html><meta charset="utf-8"><p>ผู้ให้บริการ Digital ID ทดสอบ: ${escapeHtml(error.message)}</p><p><a href="/auth/digital-id/login">เริ่มใหม่ (Start again)</a></p>`)
  })
  app.use(DEV_PROVIDER_PATH, router)
}
