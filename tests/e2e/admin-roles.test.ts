/**
 * The officers' admin in a real browser (chromium + playwright-core, production build, demo data):
 * each role logs in and sees exactly its menu entries (src/lib/adminNav.ts), its dashboard queue
 * (a screenshot per role in test-results/), help with the support contact, and a reviewer approves
 * a manual reached from the dashboard queue.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { COLLECTION_NAV, collectionVisibleTo, navLinksFor, NAV_LINKS } from '../../src/lib/adminNav'
import type { Role } from '../../src/lib/roles'
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

const ROLE_ACCOUNTS: Array<{ role: Role; email: string }> = [
  { role: 'system-admin', email: 'admin@demo.info.go.th' },
  { role: 'opdc-officer', email: 'opdc@demo.info.go.th' },
  { role: 'central-officer', email: 'central.dopa@demo.info.go.th' },
  { role: 'service-point-officer', email: 'point.dopa@demo.info.go.th' },
  { role: 'manual-author', email: 'author.dopa@demo.info.go.th' },
  { role: 'manual-reviewer', email: 'reviewer.dopa@demo.info.go.th' },
]

async function loggedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' })
  const res = await context.request.post(`${site.baseUrl}/api/users/login`, { data: { email, password: DEMO_PASSWORD } })
  expect(res.status()).toBe(200)
  return { context, page: await context.newPage() }
}

/** The collection slugs linked from the menu, and the custom links (by data-nav key). */
async function menuOf(page: Page) {
  const hrefs = await page.locator('nav a[href^="/admin/collections/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  const slugs = new Set(hrefs.map((h) => String(h).split('/')[3]))
  const links = await page.locator('[data-testid="officer-nav-links"] a[data-nav]').evaluateAll((as) => as.map((a) => a.getAttribute('data-nav')))
  return { slugs, links }
}

describe.each(ROLE_ACCOUNTS)('$role', ({ role, email }) => {
  it('sees its own menu entries and dashboard, nothing it cannot use', async () => {
    const { context, page } = await loggedIn(email)
    try {
      await page.goto(`${site.baseUrl}/admin`)
      await page.waitForSelector('[data-testid="officer-dashboard"]', { timeout: 60_000 }).catch(async (err) => {
        await screenshot(page, `admin-dashboard-${role}-failed`)
        throw new Error(`${err.message}\nat ${page.url()}\n${(await page.locator('body').innerText()).slice(0, 1500)}\n--- server ---\n${site.log().slice(-3000)}`)
      })
      const user = { roles: [role] }
      const { slugs, links } = await menuOf(page)
      for (const slug of Object.keys(COLLECTION_NAV).filter((s) => s !== 'search')) {
        expect([slug, slugs.has(slug)]).toEqual([slug, Boolean(collectionVisibleTo(slug, user))])
      }
      expect(links).toEqual(navLinksFor(user).map((l) => l.key))
      for (const hidden of NAV_LINKS.filter((l) => !links.includes(l.key))) expect(await page.locator(`a[data-nav="${hidden.key}"]`).count()).toBe(0)
      expect(await page.locator('[data-testid="support-contact"]').innerText()).toContain('contact@dga.or.th')
      await screenshot(page, `admin-dashboard-${role}`)
    } finally {
      await context.close()
    }
  }, 120_000)
})

it('the reviewer approves a manual reached from the dashboard queue', async () => {
  const { context, page } = await loggedIn('reviewer.dopa@demo.info.go.th')
  try {
    await page.goto(`${site.baseUrl}/admin`)
    const card = page.locator('[data-testid="dashboard-manuals-pending-review"]')
    await card.waitFor({ timeout: 60_000 })
    const before = Number(await card.getAttribute('data-count'))
    expect(before).toBeGreaterThan(0)
    await card.locator('a').click()
    await page.waitForURL(/\/admin\/collections\/manuals\?/)
    const row = page.locator('.table tbody tr a[href*="/admin/collections/manuals/"]').first()
    await row.waitFor({ timeout: 60_000 })
    await row.click()
    await page.waitForURL(/\/admin\/collections\/manuals\/\d+/)
    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: 'เห็นชอบ ส่ง ก.พ.ร.' }).click({ timeout: 60_000 })
    await page.waitForTimeout(1500)
    await page.goto(`${site.baseUrl}/admin`)
    await card.waitFor({ timeout: 60_000 })
    expect(Number(await card.getAttribute('data-count'))).toBe(before - 1)
    await screenshot(page, 'admin-dashboard-reviewer-after-approval')
  } finally {
    await context.close()
  }
}, 180_000)

it('help pages show the FAQ, the guidelines, the user guide and the support contact', async () => {
  const { context, page } = await loggedIn('point.dopa@demo.info.go.th')
  try {
    await page.goto(`${site.baseUrl}/admin/help`)
    await page.waitForSelector('details.officer-faq', { timeout: 60_000 })
    expect(await page.locator('details.officer-faq').count()).toBeGreaterThanOrEqual(30)
    expect(await page.locator('[data-testid="support-contact"]').innerText()).toContain('02-612-6060')
    await page.goto(`${site.baseUrl}/admin/help/guidelines`)
    await page.waitForSelector('section#manual-workflow', { timeout: 60_000 })
    const pdf = await context.request.get(`${site.baseUrl}/officer-guide.pdf`)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toContain('application/pdf')
    await screenshot(page, 'admin-help-guidelines')
  } finally {
    await context.close()
  }
}, 120_000)

it('an author previews the revision in review on the citizen page; citizens still get the published one', async () => {
  const list = await fetch(`${site.baseUrl}/api/manuals?where[title][like]=${encodeURIComponent('การแจ้งย้ายที่อยู่')}&limit=1`).then((r) => r.json())
  const id = list.docs[0].id
  const { context, page } = await loggedIn('author.dopa@demo.info.go.th')
  const citizen = await browser.newContext({ locale: 'th-TH' })
  try {
    await page.goto(`${site.baseUrl}/manuals/${id}?preview=1`)
    await page.waitForSelector('.preview-banner', { timeout: 60_000 })
    expect(await page.locator('.preview-banner').innerText()).toContain('pending-review')
    expect(await page.locator('body').innerText()).toContain('ปรับปรุงระยะเวลาตามประกาศใหม่')
    await screenshot(page, 'live-preview-author')

    const anon = await citizen.newPage()
    await anon.goto(`${site.baseUrl}/manuals/${id}?preview=1`)
    await anon.waitForSelector('h1', { timeout: 60_000 })
    expect(await anon.locator('.preview-banner').count()).toBe(0)
    expect(await anon.locator('body').innerText()).not.toContain('ปรับปรุงระยะเวลาตามประกาศใหม่')
  } finally {
    await citizen.close()
    await context.close()
  }
}, 120_000)

it('a central officer reads the licence issuance summary (พ.ศ., the rollup’s figures, quarter filter, export); a service point is refused', async () => {
  const { context, page } = await loggedIn('central.dopa@demo.info.go.th')
  try {
    const [ceYear] = new Date(Date.now() + 7 * 3600 * 1000).toISOString().split('-').map(Number)
    await page.goto(`${site.baseUrl}/admin/reports/licence`)
    const months = page.locator('[data-testid="licence-summary-months"] tbody tr[data-row]:not([data-row="total"])')
    await months.first().waitFor({ timeout: 60_000 })
    // This year by default, shown as พ.ศ.; a row per month named in Thai with its พ.ศ. year.
    expect(await page.locator('[data-testid="licence-summary-year"] option:checked').innerText()).toBe(String(ceYear + 543))
    expect(await months.count()).toBe(12)
    const firstMonth = await months.first().locator('td').first().innerText()
    expect(firstMonth).toBe(`มกราคม ${ceYear + 543}`)

    // The same figures as GET /api/licence-reports/rollup for the officer's department, in a year
    // with the demo data's submitted months (they reach six months back from the seeding day).
    const [dataYear] = new Date(Date.now() + 7 * 3600 * 1000 - 90 * 24 * 3600 * 1000).toISOString().split('-').map(Number)
    await page.goto(`${site.baseUrl}/admin/reports/licence?year=${dataYear}`)
    await months.first().waitFor({ timeout: 60_000 })
    const rollup = await (await context.request.get(`${site.baseUrl}/api/licence-reports/rollup?year=${dataYear}`)).json()
    const shownReceived = await months.evaluateAll((rows) => rows.map((r) => Number((r.querySelectorAll('td')[2] as HTMLElement).innerText.replace(/,/g, ''))))
    expect(shownReceived).toEqual(rollup.byMonth.map((m: { totals: { received: number } }) => m.totals.received))
    expect(rollup.totals.received).toBeGreaterThan(0) // the demo data has submitted reports this year
    expect(await page.getByRole('heading', { name: /หน่วยที่ยังไม่รายงาน \(\d+\)/ }).innerText()).toContain(`(${rollup.notReported.length})`)
    await screenshot(page, 'licence-summary')

    // รายงานสรุป links to it for a central officer.
    await page.goto(`${site.baseUrl}/admin/reports`)
    await page.locator('nav[aria-label="รายงาน (Reports)"] a[href="/admin/reports/licence"]').waitFor({ timeout: 60_000 })
    await page.goto(`${site.baseUrl}/admin/reports/licence?year=${dataYear}`)
    await months.first().waitFor({ timeout: 60_000 })

    // A quarter narrows it to its three months; the export follows the filter.
    await page.locator('select[name="quarter"]').selectOption('4')
    await page.getByRole('button', { name: /แสดงรายงาน/ }).click()
    await page.waitForURL(/quarter=4/)
    await page.locator('[data-testid="licence-summary-months"]').waitFor({ timeout: 60_000 })
    await expect(months.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).resolves.toEqual(['10', '11', '12'])
    const xlsxHref = await page.getByRole('link', { name: 'ส่งออก excel' }).getAttribute('href')
    expect(xlsxHref).toContain('quarter=4')
    const xlsx = await context.request.get(`${site.baseUrl}${xlsxHref}`)
    expect(xlsx.status()).toBe(200)
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml')
  } finally {
    await context.close()
  }

  const point = await loggedIn('point.dopa@demo.info.go.th')
  try {
    await point.page.goto(`${site.baseUrl}/admin/reports/licence`)
    await point.page.getByText('เฉพาะเจ้าหน้าที่ส่วนกลางและ ก.พ.ร. ดูภาพรวมได้').waitFor({ timeout: 60_000 })
    expect(await point.page.locator('[data-testid="licence-summary-months"]').count()).toBe(0)
    // รายงานสรุป links the licence summary only for those the menu gives it to.
    await point.page.goto(`${site.baseUrl}/admin/reports`)
    await point.page.locator('nav[aria-label="รายงาน (Reports)"] a[href="/admin/reports/satisfaction"]').waitFor({ timeout: 60_000 })
    expect(await point.page.locator('nav[aria-label="รายงาน (Reports)"] a[href="/admin/reports/licence"]').count()).toBe(0)
  } finally {
    await point.context.close()
  }
}, 180_000)
