/**
 * The citizen site in a real browser (chromium + playwright-core) against the production build:
 * search → manual → service point → rating sent, the delay look-up, the English switch, and
 * axe-core on every page.
 */
import pg from 'pg'
import type { Browser, Page } from 'playwright-core'

import { axeViolations, launchBrowser, screenshot, type Site, startSite } from './helpers/site'

let site: Site
let browser: Browser
let page: Page

beforeAll(async () => {
  site = await startSite()
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'th-TH' })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

const expectAccessible = async (name: string) => {
  await screenshot(page, name)
  expect(await axeViolations(page)).toEqual([])
}

async function countRatings(servicePointId: number): Promise<number> {
  const client = new pg.Client({ connectionString: site.databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM survey_responses WHERE service_point_id = $1', [servicePointId])
    return Number(rows[0].n)
  } finally {
    await client.end()
  }
}

test('home page: Thai first, search box, accessible', async () => {
  const res = await page.goto(`${site.baseUrl}/`)
  expect(res?.status()).toBe(200)
  expect(await page.getAttribute('html', 'lang')).toBe('th')
  await expect(page.getByRole('searchbox').count()).resolves.toBe(1)
  expect(await page.locator('a.skip').getAttribute('href')).toBe('#main')
  await expectAccessible('home')
})

test('search → manual → service point → rating sent', async () => {
  const { manualId, manualTitle, servicePointId, servicePointName } = site.fixtures
  const processWords = manualTitle.replace(/^คู่มือสำหรับประชาชน:\s*/, '')
  await page.goto(`${site.baseUrl}/`)
  await page.getByRole('searchbox').fill(processWords)
  await Promise.all([page.waitForURL(/\/search\?/), page.getByRole('button', { name: /ค้นหา/ }).click()])
  const hit = page.locator(`a[href="/manuals/${manualId}"]`)
  await expect(hit.count()).resolves.toBeGreaterThan(0)
  await expectAccessible('search')

  // Filters narrow the results: the type filter keeps manuals only.
  await page.selectOption('#f-type', 'service-point')
  await Promise.all([page.waitForURL(/type=service-point/), page.getByRole('button', { name: /ค้นหา/ }).click()])
  await expect(page.locator(`a[href="/manuals/${manualId}"]`).count()).resolves.toBe(0)
  await page.goBack()

  await Promise.all([page.waitForURL(new RegExp(`/manuals/${manualId}$`)), page.locator(`a[href="/manuals/${manualId}"]`).first().click()])
  await expect(page.locator('h1').textContent()).resolves.toBe(manualTitle)
  // Steps as a list with their times, the total, documents, fees, legal basis, revision date in พ.ศ.
  await expect(page.locator('ol.steps > li').count()).resolves.toBeGreaterThan(0)
  const body = await page.locator('main').textContent()
  expect(body).toMatch(/ระยะเวลาดำเนินการรวม/)
  expect(body).toMatch(/ฉบับจริง/)
  expect(body).toMatch(/25\d\d/) // a Buddhist-era year
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(jsonLd['@type']).toBe('GovernmentService')
  expect(jsonLd.name).toBe(manualTitle)
  expect(jsonLd.availableChannel.length).toBeGreaterThan(0)
  const map = page.locator('a[href^="https://www.google.com/maps/search/?api=1&query="]').first()
  await expect(map.count()).resolves.toBe(1)
  await expectAccessible('manual')
  await page.emulateMedia({ media: 'print' })
  expect(await page.locator('.site-nav').isVisible()).toBe(false)
  await page.emulateMedia({ media: 'screen' })

  await Promise.all([
    page.waitForURL(new RegExp(`/service-points/${servicePointId}$`)),
    page.locator(`a[href="/service-points/${servicePointId}"]`).first().click(),
  ])
  await expect(page.locator('h1').textContent()).resolves.toContain(servicePointName)
  await expect(page.locator(`a[href="/manuals/${manualId}"]`).count()).resolves.toBe(1)
  await expectAccessible('service-point')

  const before = await countRatings(servicePointId)
  await Promise.all([page.waitForURL(new RegExp(`/rate/${servicePointId}$`)), page.locator(`a[href="/rate/${servicePointId}"]`).click()])
  await expectAccessible('rate')
  const questions = page.locator('fieldset.question')
  const n = await questions.count()
  expect(n).toBeGreaterThan(0)
  for (let i = 0; i < n; i++) await questions.nth(i).locator('label').nth(4).click()
  await Promise.all([page.waitForURL(new RegExp(`/rate/${servicePointId}/thanks`)), page.locator('button[type="submit"]').click()])
  await expect(page.getByRole('status').textContent()).resolves.toMatch(/ขอบคุณ/)
  await expectAccessible('rate-thanks')
  expect(await countRatings(servicePointId)).toBe(before + 1)
})

test('search paging: the next page continues the numbering and is marked current', async () => {
  await page.goto(`${site.baseUrl}/search?type=manual`)
  const heading = (await page.locator('#results-heading').textContent()) ?? ''
  const total = Number(heading.match(/จาก (\d+)/)?.[1])
  expect(total).toBeGreaterThan(10) // the demo data publishes more manuals than one page holds
  const firstPage = await page.locator('ol.results > li a').allTextContents()
  await Promise.all([page.waitForURL(/page=2/), page.locator('.pager a[rel="next"]').click()])
  expect(await page.locator('.pager [aria-current="page"]').textContent()).toBe('2')
  expect(await page.locator('ol.results').getAttribute('start')).toBe('11')
  const secondPage = await page.locator('ol.results > li a').allTextContents()
  expect(secondPage.length).toBe(Math.min(10, total - 10))
  expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([])
  await expectAccessible('search-page-2')
})

test('delay look-up: a known code shows the state without personal data; an unknown one says so', async () => {
  await page.goto(`${site.baseUrl}/track`)
  await expectAccessible('track-form')
  await page.fill('#track-code', site.fixtures.trackingCode.toLowerCase())
  await Promise.all([page.waitForURL(/\/track\?code=/), page.getByRole('button', { name: /ตรวจสอบ/ }).click()])
  const result = await page.locator('main').textContent()
  expect(result).toContain(site.fixtures.trackingCode.slice(0, 5))
  expect(result).toMatch(/อยู่ระหว่างพิจารณา/)
  expect(result).not.toContain('นายทดสอบ') // the applicant's name
  expect(result).not.toContain('081-000-0000')
  await expectAccessible('track-result')

  await page.goto(`${site.baseUrl}/track?code=ZZZZZ-ZZZZZ`)
  await expect(page.locator('p.alert').textContent()).resolves.toMatch(/ไม่พบเรื่อง/)
})

test('agency page and the English switch (kept in a cookie)', async () => {
  await page.goto(`${site.baseUrl}/manuals/${site.fixtures.manualId}`)
  const agencyLink = page.locator('a[href^="/agencies/"]').first()
  await Promise.all([page.waitForURL(/\/agencies\/\d+$/), agencyLink.click()])
  await expect(page.locator(`a[href="/manuals/${site.fixtures.manualId}"]`).count()).resolves.toBe(1)
  await expectAccessible('agency')

  await Promise.all([page.waitForURL(/lang=en/), page.getByRole('link', { name: 'English' }).click()])
  expect(await page.getAttribute('html', 'lang')).toBe('en')
  await expect(page.locator('#a-manuals').textContent()).resolves.toMatch(/Citizen manuals/)
  await expectAccessible('agency-en')
  // The cookie keeps English on the next page without ?lang.
  await page.goto(`${site.baseUrl}/manuals/${site.fixtures.manualId}`)
  expect(await page.getAttribute('html', 'lang')).toBe('en')
  await expect(page.locator('#m-fees').textContent()).resolves.toMatch(/Fees/)
  await page.goto(`${site.baseUrl}/?lang=th`)
  expect(await page.getAttribute('html', 'lang')).toBe('th')
})

test('an unknown manual or service point is a 404', async () => {
  expect((await page.goto(`${site.baseUrl}/manuals/999999`))?.status()).toBe(404)
  expect((await page.goto(`${site.baseUrl}/service-points/not-a-number`))?.status()).toBe(404)
})
