/**
 * The admin, live preview and the citizen site work under the Content-Security-Policy
 * (src/server/securityHeaders.ts) in a real browser, production build: no `securitypolicyviolation`
 * in any frame and no CSP console error on the dashboard, a manual's Lexical editor, live preview,
 * an upload's preview, a date picker, the QR poster files and the site's search and manual pages;
 * every script the pages run carries the request's nonce.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page, Response } from 'playwright-core'

import { DEMO_PASSWORD } from '../../src/server/seedData'
import { launchBrowser, RESULTS_DIR, screenshot, type Site, startSite } from './helpers/site'

let site: Site
let browser: Browser

beforeAll(async () => {
  site = await startSite()
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

type Violation = { directive: string; blocked: string; source: string; page: string }

/** A context that records every CSP violation (all frames) and every CSP console message. */
async function watched(email?: string) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' })
  const violations: Violation[] = []
  const consoleErrors: string[] = []
  await context.exposeBinding('__reportCspViolation', (_source, v: Violation) => {
    violations.push(v)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ;(window as unknown as { __reportCspViolation: (v: unknown) => void }).__reportCspViolation({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        page: location.href,
      })
    })
  })
  if (email) {
    const res = await context.request.post(`${site.baseUrl}/api/users/login`, { data: { email, password: DEMO_PASSWORD } })
    expect(res.status()).toBe(200)
  }
  const page = await context.newPage()
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(msg.text())) consoleErrors.push(msg.text())
  })
  const clean = () => ({ violations, consoleErrors })
  return { context, page, clean }
}

/** The document answer carries the nonce policy Next put on its scripts. */
async function expectNoncePolicy(page: Page, res: Response | null) {
  const csp = res?.headers()['content-security-policy'] ?? ''
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
  expect(nonce).toBeTruthy()
  expect(csp).toContain("'strict-dynamic'")
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  expect(csp).not.toContain("'unsafe-eval'")
  expect(csp).toMatch(/frame-ancestors 'self'/)
  // Every script in the HTML carries it. (Scripts those load later need none: 'strict-dynamic'.)
  // Data blocks (the manual's JSON-LD) are never run, so CSP does not apply to them.
  const tags = ((await res!.text()).match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/type="application\/(ld\+)?json"/.test(tag))
  expect(tags.length).toBeGreaterThan(0)
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([])
}

const failWith = async (page: Page, name: string, err: Error) => {
  await screenshot(page, `csp-${name}-failed`)
  throw new Error(`${err.message}\nat ${page.url()}\n--- server ---\n${site.log().slice(-3000)}`)
}

it('admin dashboard, a manual with the Lexical editor, and live preview of the site', async () => {
  const { context, page, clean } = await watched('admin@demo.info.go.th')
  try {
    const dashboard = await page.goto(`${site.baseUrl}/admin`)
    await page.waitForSelector('[data-testid="officer-dashboard"]', { timeout: 60_000 }).catch((e) => failWith(page, 'dashboard', e))
    await expectNoncePolicy(page, dashboard)

    const edit = await page.goto(`${site.baseUrl}/admin/collections/manuals/${site.fixtures.manualId}`)
    await expectNoncePolicy(page, edit)
    const editor = page.locator('[data-lexical-editor="true"]').first()
    await editor.waitFor({ timeout: 60_000 }).catch((e) => failWith(page, 'lexical', e))
    // Typing proves the editor's scripts run (hydrated, not just server-rendered).
    await editor.click()
    await page.keyboard.type(' ทดสอบ CSP')
    await expect(editor.innerText()).resolves.toContain('ทดสอบ CSP')

    await page.locator('#live-preview-toggler').click()
    const frame = page.frameLocator('.live-preview-window iframe')
    await frame.locator('h1').first().waitFor({ timeout: 60_000 }).catch((e) => failWith(page, 'live-preview', e))
    await expect(frame.locator('h1').first().innerText()).resolves.toBeTruthy()
    await screenshot(page, 'csp-live-preview')
    await page.waitForTimeout(500)
    expect(clean()).toEqual({ violations: [], consoleErrors: [] })
  } finally {
    await context.close()
  }
}, 240_000)

it('an upload’s preview, a date picker, and the QR poster files opened in a tab', async () => {
  const { context, page, clean } = await watched('admin@demo.info.go.th')
  try {
    // A real PNG: the service point's QR poster.
    const png = Buffer.from(await (await context.request.get(`${site.baseUrl}/api/service-points/${site.fixtures.servicePointId}/poster?format=png`)).body())
    fs.mkdirSync(RESULTS_DIR, { recursive: true })
    const file = path.join(RESULTS_DIR, 'csp-upload.png')
    fs.writeFileSync(file, png)

    const create = await page.goto(`${site.baseUrl}/admin/collections/media/create`)
    await expectNoncePolicy(page, create)
    await page.locator('input[type="file"]').first().setInputFiles(file).catch((e) => failWith(page, 'upload-input', e))
    // The preview is drawn from a blob: URL.
    const preview = page.locator('img[src^="blob:"]').first()
    await preview.waitFor({ timeout: 30_000 }).catch((e) => failWith(page, 'upload-preview', e))
    await expect(preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).resolves.toBeGreaterThan(0)
    await screenshot(page, 'csp-upload-preview')
    // Opened in a tab, the API's files are viewed under its file policy.
    for (const format of ['png', 'pdf']) {
      const poster = await page.goto(`${site.baseUrl}/api/service-points/${site.fixtures.servicePointId}/poster?format=${format}`).catch(() => null)
      if (!poster) continue // headless Chromium may hand a PDF to its downloads instead
      if (format === 'png') {
        expect(poster.status()).toBe(200)
        expect(poster.headers()['content-security-policy']).toContain("default-src 'none'")
        await expect(page.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).resolves.toBeGreaterThan(0)
      }
      // A PDF is shown by Chromium's viewer (its own wrapper document): no violation is what counts.
      else await page.waitForTimeout(1500)
    }
    await page.waitForTimeout(500)
    expect(clean()).toEqual({ violations: [], consoleErrors: [] })
  } finally {
    await context.close()
  }

  const officer = await watched('point.dopa@demo.info.go.th')
  try {
    const create = await officer.page.goto(`${site.baseUrl}/admin/collections/delay-notices/create`)
    await expectNoncePolicy(officer.page, create)
    const dateInput = officer.page.locator('.react-datepicker__input-container input').first()
    await dateInput.waitFor({ timeout: 60_000 }).catch((e) => failWith(officer.page, 'datepicker', e))
    await dateInput.click()
    await officer.page.locator('.react-datepicker__month').first().waitFor({ timeout: 15_000 }).catch((e) => failWith(officer.page, 'datepicker-open', e))
    await screenshot(officer.page, 'csp-datepicker')
    expect(officer.clean()).toEqual({ violations: [], consoleErrors: [] })
  } finally {
    await officer.context.close()
  }
}, 240_000)

it('the citizen site: search and a manual page', async () => {
  const { context, page, clean } = await watched()
  try {
    const words = site.fixtures.manualTitle.replace(/^คู่มือสำหรับประชาชน:\s*/, '')
    const search = await page.goto(`${site.baseUrl}/search?q=${encodeURIComponent(words)}`)
    expect(search?.status()).toBe(200)
    await expectNoncePolicy(page, search)
    await page.locator(`a[href="/manuals/${site.fixtures.manualId}"]`).first().click()
    await page.waitForURL(new RegExp(`/manuals/${site.fixtures.manualId}`))
    await expect(page.locator('h1').first().innerText()).resolves.toBeTruthy()
    const manual = await page.goto(`${site.baseUrl}/manuals/${site.fixtures.manualId}`)
    await expectNoncePolicy(page, manual)
    await page.goto(`${site.baseUrl}/manuals/${site.fixtures.manualId}?lang=en`)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.waitForTimeout(500)
    expect(clean()).toEqual({ violations: [], consoleErrors: [] })
  } finally {
    await context.close()
  }
}, 240_000)

it('the watcher itself sees a violation (so an empty list above means none happened)', async () => {
  const { context, page, clean } = await watched()
  try {
    await page.goto(`${site.baseUrl}/search`)
    // An image from another origin is outside img-src: the page's policy refuses it.
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = 'https://images.example.invalid/pixel.png'
      document.body.append(img)
    })
    await page.waitForTimeout(1000)
    expect(clean().violations.map((v) => v.directive)).toEqual(['img-src'])
  } finally {
    await context.close()
  }
}, 120_000)
