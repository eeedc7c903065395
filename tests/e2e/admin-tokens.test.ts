/**
 * จัดการ Token in a real browser (production build, demo data), as the officer FAQ describes it:
 * a demo central officer opens the menu "บัญชีผู้ใช้" > "จัดการ Token", sees a table of roles with
 * the code, Copy and a "Refresh Token" column, and Refresh shows a new code without a reload.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { DEMO_PASSWORD } from '../../src/server/seedData'
import { launchBrowser, screenshot, type Site, startSite } from './helpers/site'

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

async function loggedIn(email: string): Promise<{ context: BrowserContext; page: Page; token: string }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'th-TH' })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.baseUrl })
  const res = await context.request.post(`${site.baseUrl}/api/users/login`, { data: { email, password: DEMO_PASSWORD } })
  expect(res.status()).toBe(200)
  return { context, page: await context.newPage(), token: (await res.json()).token }
}

const failWith = async (page: Page, name: string, err: Error) => {
  await screenshot(page, name)
  throw new Error(`${err.message}\nat ${page.url()}\n${(await page.locator('body').innerText()).slice(0, 1500)}\n--- server ---\n${site.log().slice(-3000)}`)
}

it('a central officer sees the table of roles with Copy and Refresh; Refresh changes the shown code', async () => {
  const { context, page, token } = await loggedIn('central.dopa@demo.info.go.th')
  try {
    // The way the FAQ says: the menu group บัญชีผู้ใช้, then จัดการ Token.
    await page.goto(`${site.baseUrl}/admin`)
    const menuLink = page.locator('nav a[href="/admin/collections/role-tokens"]')
    await menuLink.waitFor({ timeout: 60_000 }).catch((err) => failWith(page, 'tokens-menu-failed', err))
    expect(await menuLink.innerText()).toContain('จัดการ Token')
    // (The menu may be folded away at first, inert: follow its link.)
    await page.goto(`${site.baseUrl}${await menuLink.getAttribute('href')}`)
    const rows = page.locator('.table tbody tr')
    await rows.first().waitFor({ timeout: 60_000 }).catch((err) => failWith(page, 'tokens-table-failed', err))

    const headers = (await page.locator('.table thead th').allInnerTexts()).map((h) => h.trim())
    expect(headers).toEqual(expect.arrayContaining(['บทบาท', 'หน่วยงาน', 'จุดบริการ', 'รหัส Token', 'สถานะ', 'Refresh Token']))

    // What the API gives this officer is what the table shows, in the same order (agency, then role).
    const api = await context.request.get(`${site.baseUrl}/api/role-tokens?limit=10&depth=0`, { headers: { Authorization: `JWT ${token}` } })
    const docs = (await api.json()).docs as Array<{ id: number; role: string; code: string }>
    expect(docs.length).toBeGreaterThanOrEqual(3)
    expect(await rows.count()).toBe(docs.length)
    const codes = await page.locator('[data-testid="role-token-code"] code').allInnerTexts()
    expect(codes).toEqual(docs.map((d) => d.code))
    const roleTexts = (await page.locator('.table tbody td.cell-role').allInnerTexts()).map((s) => s.trim())
    expect(roleTexts).toEqual(expect.arrayContaining(['ผู้จัดทำคู่มือ', 'ผู้ตรวจสอบคู่มือ', 'เจ้าหน้าที่จุดบริการ']))
    // Their own central-officer code is not theirs to hand out, and nothing is to be created by hand.
    expect(roleTexts).not.toContain('เจ้าหน้าที่ส่วนกลาง')
    expect(await page.locator('a[href$="/admin/collections/role-tokens/create"]').count()).toBe(0)

    expect(await page.locator('button', { hasText: 'คัดลอก (Copy)' }).count()).toBe(docs.length)
    expect(await page.locator('[data-testid="role-token-refresh"]').count()).toBe(docs.length)
    const states = await page.locator('[data-testid="role-token-state"]').allInnerTexts()
    expect(states.length).toBe(docs.length)
    for (const state of states) expect(state).toMatch(/ยังไม่ถูกใช้ \(หมดอายุ .*25\d\d/)

    // Copy puts the row's code on the clipboard.
    await rows.nth(0).locator('button', { hasText: 'คัดลอก (Copy)' }).click()
    await rows.nth(0).locator('button', { hasText: 'คัดลอกแล้ว (Copied)' }).waitFor({ timeout: 10_000 })
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(docs[0].code)
    await screenshot(page, 'admin-tokens-table')

    // Refresh: a new code in the same row, the old one no longer works, and the page was not reloaded.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true))
    const second = rows.nth(1)
    const before = await second.locator('[data-testid="role-token-code"] code').innerText()
    await second.locator('[data-testid="role-token-refresh"]').click()
    await page.waitForFunction(
      ([index, old]) => document.querySelectorAll('.table tbody tr')[index as number]?.querySelector('[data-testid="role-token-code"] code')?.textContent !== old,
      [1, before],
      { timeout: 30_000 },
    )
    const after = await second.locator('[data-testid="role-token-code"] code').innerText()
    expect(after).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    expect(after).not.toBe(before)
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    const stored = await context.request.get(`${site.baseUrl}/api/role-tokens/${docs[1].id}?depth=0`, { headers: { Authorization: `JWT ${token}` } })
    expect((await stored.json()).code).toBe(after)
    // The other rows kept their codes.
    expect(await rows.nth(0).locator('[data-testid="role-token-code"] code').innerText()).toBe(docs[0].code)
    await screenshot(page, 'admin-tokens-refreshed')

    // A new officer redeems the first row's code: after a reload its state names them, in the Buddhist era.
    // (Outside the browser context, whose cookies would log the page in as them.)
    const post = async (path: string, body: unknown, jwt?: string) =>
      fetch(`${site.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(jwt ? { Authorization: `JWT ${jwt}` } : {}) }, body: JSON.stringify(body) })
    const adminJwt = (await (await post('/api/users/login', { email: 'admin@demo.info.go.th', password: DEMO_PASSWORD })).json()).token
    const newcomer = { email: 'newcomer.tokens@e2e.test', password: 'e2e-password-2569', name: 'สมหญิง ทดสอบ' }
    expect((await post('/api/users', { ...newcomer, roles: [] }, adminJwt)).status).toBe(201)
    const newcomerJwt = (await (await post('/api/users/login', { email: newcomer.email, password: newcomer.password })).json()).token
    expect((await post('/api/users/redeem-token', { token: docs[0].code }, newcomerJwt)).status).toBe(200)
    await page.reload()
    await rows.first().waitFor({ timeout: 60_000 })
    expect(await rows.nth(0).locator('[data-testid="role-token-state"]').innerText()).toMatch(/^ใช้แล้วโดย สมหญิง ทดสอบ เมื่อ .*25\d\d/)
    await screenshot(page, 'admin-tokens-used')

    // The search finds a service point's row by the point's name.
    const search = page.locator('#search-filter-input')
    expect(await search.getAttribute('placeholder')).toContain('ชื่อจุดบริการ')
    await search.fill('บางรัก')
    await page.waitForFunction(() => document.querySelectorAll('.table tbody tr').length === 1, undefined, { timeout: 30_000 })
    await page.locator('.table tbody td.cell-servicePoint', { hasText: 'บางรัก' }).waitFor({ timeout: 30_000 })

    // The token's own page: the code with Copy and Refresh, its state, and nothing to save.
    await page.goto(`${site.baseUrl}/admin/collections/role-tokens/${docs[2].id}`)
    const code = page.locator('[data-testid="role-token-code"]')
    await code.waitFor({ timeout: 60_000 }).catch((err) => failWith(page, 'tokens-document-failed', err))
    const shown = await code.innerText()
    expect(shown).toBe(docs[2].code)
    expect(await page.locator('[data-testid="role-token-state"]').innerText()).toContain('ยังไม่ถูกใช้')
    await page.locator('[data-testid="role-token-refresh"]').click()
    await page.waitForFunction((old) => document.querySelector('[data-testid="role-token-code"]')?.textContent !== old, shown, { timeout: 30_000 })
    expect(await page.locator('button#action-save').count()).toBe(0)
    await screenshot(page, 'admin-tokens-document')
  } finally {
    await context.close()
  }
}, 240_000)
