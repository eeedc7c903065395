/**
 * Buddhist-era dates in the real admin (production build, demo data, chromium in Bangkok time):
 * Payload's own list columns, version history, version view, document controls and date pickers,
 * the audit-log list, the workflow timeline, the report filters, the licence reports due and the
 * extra holidays show พ.ศ. years in Thai and Gregorian ones in English, a Buddhist-era date typed
 * into a picker is stored as the right UTC instant, and a day picked in a report filter filters it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { formatDateFor } from '../../src/lib/thaiDate'
import { DEMO_PASSWORD } from '../../src/server/seedData'
import { launchBrowser, screenshot, type Site, startSite } from './helpers/site'

let site: Site
let browser: Browser

beforeAll(async () => {
  // No TZ (empty counts as unset): the server runs in Bangkok time by default (src/server/defaultTimeZone.ts),
  // so the few dates Payload renders on the server match the browser's.
  site = await startSite({ env: { TZ: '' } })
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

const THIS_CE_YEAR = new Date().getUTCFullYear()
/** A year this data can have: the seed and this run are within a year or so of today. */
const BE_YEAR = /\b25[6-7]\d\b/
const CE_YEAR = /\b20[2-3]\d\b/
const anyYear = /\b\d{4}\b/

async function loggedIn(email: string, language: 'th' | 'en' = 'th'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' })
  const res = await context.request.post(`${site.baseUrl}/api/users/login`, { data: { email, password: DEMO_PASSWORD } })
  expect(res.status()).toBe(200)
  // Payload's admin language: the `payload-lng` cookie (what its language switch sets).
  await context.addCookies([{ name: 'payload-lng', value: language, url: site.baseUrl }])
  return { context, page: await context.newPage() }
}

/** The texts of every element matching `selector`, once each of them shows a four-digit year (dates load the locale first). */
async function datesIn(page: Page, selector: string, name: string): Promise<string[]> {
  try {
    // The texts are read in the same check that saw them: a drawer or list that re-renders right
    // after (loading its rows again) cannot leave an empty read behind.
    const shown = await page.waitForFunction(
      ({ selector, source }) => {
        const texts = [...document.querySelectorAll<HTMLElement>(selector)].map((el) => el.innerText)
        return texts.length > 0 && texts.every((text) => new RegExp(source).test(text)) ? texts : null
      },
      { selector, source: anyYear.source },
      { timeout: 60_000 },
    )
    return (await shown.jsonValue()) as string[]
  } catch (err) {
    await screenshot(page, `thai-dates-${name}-failed`)
    throw new Error(`${(err as Error).message}\nat ${page.url()}\n${(await page.locator('body').innerText()).slice(0, 1500)}\n--- server ---\n${site.log().slice(-2000)}`)
  }
}

/** What a dayAndTime picker shows for a stored instant: "24 ต.ค. 2569 15:22" / "24 Oct 2026 15:22" (Bangkok). */
const pickerText = (language: 'th' | 'en', iso: string) => formatDateFor(language, iso, true).replace(',', '')

/** The case's stored receivedAt, and the picker's text right when the edit view appears (no wait for a re-render). */
async function openCase(context: BrowserContext, page: Page): Promise<{ caseId: number; receivedAt: string; firstSight: string }> {
  const found = await context.request.get(`${site.baseUrl}/api/delay-notices?where[trackingCode][equals]=${site.fixtures.trackingCode}&depth=0`)
  const doc = (await found.json()).docs[0]
  await page.goto(`${site.baseUrl}/admin/collections/delay-notices/${doc.id}`)
  const input = page.locator('#field-receivedAt input')
  await input.waitFor({ timeout: 60_000 })
  return { caseId: doc.id, receivedAt: doc.receivedAt, firstSight: await input.inputValue() }
}

const expectBuddhist = (texts: string[]) => {
  expect(texts.length).toBeGreaterThan(0)
  for (const text of texts) expect([text, BE_YEAR.test(text), CE_YEAR.test(text)]).toEqual([text, true, false])
}
const expectGregorian = (texts: string[]) => {
  expect(texts.length).toBeGreaterThan(0)
  for (const text of texts) expect([text, CE_YEAR.test(text), BE_YEAR.test(text)]).toEqual([text, true, false])
}

const THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม']

/** Picks `text` in the react-select drop-down of a field (`#field-…`). */
async function pick(page: Page, field: string, text: string): Promise<void> {
  await page.locator(`${field} .rs__control`).click()
  await page.locator('.rs__option', { hasText: text }).first().click()
  await expect(page.locator(`${field} .rs__single-value`).innerText()).resolves.toContain(text)
}

const DAY_MS = 24 * 3600 * 1000
/** The Bangkok calendar day (`YYYY-MM-DD`) `daysAgo` days before now. */
const bangkokDayBefore = (daysAgo: number) => new Date(Date.now() + 7 * 3600 * 1000 - daysAgo * DAY_MS).toISOString().slice(0, 10)
/** What a day picker ('d MMM yo') shows for a day: "3 ธ.ค. 2569" / "3 Dec 2026". */
const dayText = (language: 'th' | 'en', day: string) => formatDateFor(language, `${day}T12:00:00.000Z`)

/** The satisfaction report's ratings figure ("1,234" above "จำนวนผู้ประเมิน (Ratings)"). */
async function ratingsShown(page: Page): Promise<number> {
  const figure = page.getByText('จำนวนผู้ประเมิน (Ratings)')
  await figure.waitFor({ timeout: 60_000 })
  return Number((await figure.innerText()).split('\n')[0].replace(/\D/g, ''))
}

/** The count GET /api/survey-responses/summary gives for the same period. */
async function ratingsByApi(context: BrowserContext, query: string): Promise<number> {
  const res = await context.request.get(`${site.baseUrl}/api/survey-responses/summary?${query}`)
  expect(res.status()).toBe(200)
  return (await res.json()).count
}

/** An extra holiday 30 days on (system admin, REST): its id and stored instant. */
async function extraHoliday(): Promise<{ id: number; date: string }> {
  const { context } = await loggedIn('admin@demo.info.go.th')
  try {
    const day = bangkokDayBefore(-30)
    const existing = (await (await context.request.get(`${site.baseUrl}/api/extra-holidays?limit=1`)).json()).docs[0]
    if (existing) return { id: existing.id, date: existing.date }
    const res = await context.request.post(`${site.baseUrl}/api/extra-holidays`, { data: { date: day, name: 'วันหยุดพิเศษตามมติ ครม. (ทดสอบ)' } })
    expect(res.status()).toBe(201)
    const doc = (await res.json()).doc
    expect(doc.date).toBe(`${day}T12:00:00.000Z`)
    return { id: doc.id, date: doc.date }
  } finally {
    await context.close()
  }
}

/** A DOPA manual with a workflow transition (a reviewer approves one waiting for review) and a few versions. */
async function manualWithHistory(): Promise<number> {
  const { context } = await loggedIn('reviewer.dopa@demo.info.go.th')
  try {
    const waiting = await context.request.get(`${site.baseUrl}/api/manuals?where[workflowState][equals]=pending-review&depth=0&limit=1&draft=true`)
    const id = (await waiting.json()).docs[0]?.id as number
    expect(id).toBeTruthy()
    const approved = await context.request.post(`${site.baseUrl}/api/manuals/${id}/workflow`, { data: { action: 'approve' } })
    expect(approved.status()).toBe(200)
    return id
  } finally {
    await context.close()
  }
}

describe('in Thai (พ.ศ.)', () => {
  let manualId: number
  beforeAll(async () => {
    manualId = await manualWithHistory()
  }, 120_000)

  it('the manuals list shows Payload’s updatedAt column in the Buddhist era', async () => {
    const { context, page } = await loggedIn('author.dopa@demo.info.go.th')
    try {
      await page.goto(`${site.baseUrl}/admin/collections/manuals`)
      const cells = await datesIn(page, 'tbody td.cell-updatedAt', 'list')
      expectBuddhist(cells)
      // e.g. "3 ธ.ค. 2569 14:05": day, Thai month, พ.ศ. year, Bangkok time.
      expect(cells[0]).toMatch(/^\d{1,2} [ก-๙.]+ 25\d\d \d\d:\d\d$/)
      await screenshot(page, 'thai-dates-manuals-list')
    } finally {
      await context.close()
    }
  }, 120_000)

  it('the document controls, the read-only date picker and the workflow timeline are พ.ศ.', async () => {
    const { context, page } = await loggedIn('author.dopa@demo.info.go.th')
    try {
      await page.goto(`${site.baseUrl}/admin/collections/manuals/${manualId}`)
      expectBuddhist(await datesIn(page, '.doc-controls__value-wrap .doc-controls__value', 'doc-controls'))
      const timeline = page.locator('li', { hasText: 'Revision' }).filter({ hasText: '→' })
      await timeline.first().waitFor({ timeout: 60_000 })
      expectBuddhist(await timeline.allInnerTexts())
      await screenshot(page, 'thai-dates-manual-edit')
    } finally {
      await context.close()
    }
  }, 120_000)

  it('the version history and the version view (title, compared versions) are พ.ศ.', async () => {
    const { context, page } = await loggedIn('author.dopa@demo.info.go.th')
    try {
      await page.goto(`${site.baseUrl}/admin/collections/manuals/${manualId}/versions`)
      expectBuddhist(await datesIn(page, 'tbody td.cell-updatedAt', 'versions'))
      await page.locator('tbody td.cell-updatedAt a').first().click()
      await page.waitForURL(/\/versions\/[^/]+$/)
      // The versions compared (this one, and the one chosen in the comparison drop-down).
      expectBuddhist(await datesIn(page, '.version-pill-label-date', 'version-view'))
      // The comparison drop-down's options, and the drawer of all versions behind "more versions".
      await page.locator('.compare-version .rs__control').click()
      expectBuddhist(await datesIn(page, '.rs__menu .version-pill-label-date', 'compare-options'))
      await screenshot(page, 'thai-dates-version-view')
      await page.locator('.rs__menu .compare-version-moreVersions').click()
      expectBuddhist(await datesIn(page, '.created-at-cell', 'versions-drawer'))
    } finally {
      await context.close()
    }
  }, 120_000)

  it('a date picker shows and reads พ.ศ.: field, calendar year drop-down, typed date stored as UTC', async () => {
    const { context, page } = await loggedIn('admin@demo.info.go.th')
    try {
      const { caseId, receivedAt, firstSight } = await openCase(context, page)
      const input = page.locator('#field-receivedAt input')
      // From the first render on (server-rendered, then hydrated): never react-datepicker's own English.
      expect(firstSight).toBe(pickerText('th', receivedAt))
      expectBuddhist([firstSight])
      // The read-only due date (a computed field) as well.
      expectBuddhist([await page.locator('#field-dueAt input').inputValue()])
      // The document controls too, formatted once the page is live (then it takes clicks and typing).
      expectBuddhist(await datesIn(page, '.doc-controls__value-wrap .doc-controls__value', 'doc-controls-case'))

      // The calendar header: Thai month names, the year drop-down labelled in พ.ศ. (values stay CE).
      await input.click()
      const yearSelect = page.locator('.react-datepicker__year-select')
      await yearSelect.waitFor()
      await page.waitForFunction(() => Boolean(document.querySelector('.react-datepicker__year-select option[label]')))
      const selected = await yearSelect.evaluate((s: HTMLSelectElement) => ({ value: Number(s.value), label: s.selectedOptions[0].label }))
      expect(Number(selected.label)).toBe(selected.value + 543)
      expect(await page.locator('.react-datepicker__month-select').evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text)).toMatch(/^[ก-๙]+$/)
      // Times on the 24-hour clock.
      expect(await page.locator('.react-datepicker__time-list-item').first().innerText()).toMatch(/^\d\d:\d\d$/)
      await screenshot(page, 'thai-dates-picker-open')
      await page.keyboard.press('Escape')

      // On a loaded machine a re-render still under way can drop a typed value from the form while
      // the picker keeps showing it; typing the same text again is then no change to the picker, the
      // form stays unmodified and Ctrl+S meets a disabled Save. So: empty the field first (a change
      // either way), type, and wait for Save to be enabled; again if it is not.
      const saveEnabled = page.locator('button#action-save:not([disabled])')
      const typeUntilSavable = async (text: string) => {
        for (let attempt = 1; attempt <= 5; attempt++) {
          await input.fill('')
          await input.press('Tab')
          await input.fill(text)
          await input.press('Tab')
          if (await saveEnabled.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return
        }
        await screenshot(page, 'thai-dates-picker-not-savable')
        throw new Error(`typing "${text}" never enabled Save; the field shows "${await input.inputValue()}"`)
      }

      // Typing a Buddhist-era date in the shown format stores the Gregorian instant (14:05 Bangkok = 07:05Z).
      await typeUntilSavable('3 ธ.ค. 2569 14:05')
      expect(await input.inputValue()).toBe('3 ธ.ค. 2569 14:05')
      await page.keyboard.press('Control+s')
      await page.waitForFunction(
        async (url) => (await (await fetch(url, { credentials: 'include' })).json()).receivedAt === '2026-12-03T07:05:00.000Z',
        `${site.baseUrl}/api/delay-notices/${caseId}?depth=0`,
        { timeout: 30_000, polling: 500 },
      )
      // Opened again, the field shows the stored instant. On a loaded machine the first reopening can
      // still render the document as it was before the save (the API above already has the new value):
      // open it again then, a few times at most.
      let reopened = ''
      for (let attempt = 1; attempt <= 4 && reopened !== '3 ธ.ค. 2569 14:05'; attempt++) {
        if (attempt > 1) await page.waitForTimeout(1_000)
        reopened = (await openCase(context, page)).firstSight
      }
      const storedNow = (await (await context.request.get(`${site.baseUrl}/api/delay-notices/${caseId}?depth=0`)).json()).receivedAt
      expect([reopened, storedNow]).toEqual(['3 ธ.ค. 2569 14:05', '2026-12-03T07:05:00.000Z'])
      // Typing waits for the page to be live (the client formats the document controls' dates).
      await datesIn(page, '.doc-controls__value-wrap .doc-controls__value', 'doc-controls-reloaded')

      // A year the picker cannot parse falls to the browser's Date ("2569" → year 2569 CE): refused, never stored.
      // (A save under way can still swallow the refusal on a loaded machine: type and save again then.)
      const refusal = page.locator('.field-error, .tooltip-content', { hasText: 'ถูกบันทึกเป็น ค.ศ.' }).first()
      for (let attempt = 1; ; attempt++) {
        await typeUntilSavable('2569')
        await page.keyboard.press('Control+s')
        if (await refusal.waitFor({ timeout: 8_000 }).then(() => true, () => false)) break
        if (attempt === 3) {
          await screenshot(page, 'thai-dates-picker-refusal-missing')
          throw new Error(`the Buddhist-year refusal never showed; the field shows "${await input.inputValue()}"`)
        }
      }
      const stored = await (await context.request.get(`${site.baseUrl}/api/delay-notices/${caseId}?depth=0`)).json()
      expect(stored.receivedAt).toBe('2026-12-03T07:05:00.000Z')
      await screenshot(page, 'thai-dates-picker-refused')
    } finally {
      await context.close()
    }
  }, 180_000)

  it('the satisfaction report’s period is picked in พ.ศ. (typed or from the calendar) and filters the report', async () => {
    const { context, page } = await loggedIn('opdc@demo.info.go.th')
    try {
      await page.goto(`${site.baseUrl}/admin/reports/satisfaction`)
      const everything = await ratingsShown(page)
      const from = page.locator('#report-filter-from')
      const to = page.locator('#report-filter-to')
      // Typed as the picker shows days: "3 ต.ค. 2569".
      const since = bangkokDayBefore(60)
      await from.fill(dayText('th', since))
      await from.press('Tab')
      expect(await from.inputValue()).toBe(dayText('th', since))
      expectBuddhist([await from.inputValue()])
      // What the form sends: the Gregorian day, as before.
      expect(await page.locator('input[type="hidden"][name="from"]').inputValue()).toBe(since)
      // `to` from the calendar: its year drop-down in พ.ศ., then the 1st of the month it opens on (this one).
      await to.click()
      await page.waitForFunction(() => Boolean(document.querySelector('.react-datepicker__year-select option[label]')))
      const year = await page.locator('.react-datepicker__year-select').evaluate((s: HTMLSelectElement) => ({ value: Number(s.value), label: s.selectedOptions[0].label }))
      expect(Number(year.label)).toBe(year.value + 543)
      await page.locator('.react-datepicker__day--001:not(.react-datepicker__day--outside-month)').click()
      const firstOfMonth = `${bangkokDayBefore(0).slice(0, 7)}-01`
      expect(await to.inputValue()).toBe(dayText('th', firstOfMonth))
      expect(await page.locator('input[type="hidden"][name="to"]').inputValue()).toBe(firstOfMonth)
      await screenshot(page, 'thai-dates-report-filter')

      await page.getByRole('button', { name: 'แสดงรายงาน (Show)' }).click()
      await page.waitForURL((url) => url.searchParams.get('from') === since && url.searchParams.get('to') === firstOfMonth, { timeout: 60_000 })
      const filtered = await ratingsShown(page)
      expect(filtered).toBe(await ratingsByApi(context, `from=${since}&to=${firstOfMonth}`))
      expect(filtered).toBeGreaterThan(0)
      expect(filtered).toBeLessThan(everything)
      // The reloaded page shows the period in พ.ศ. from its first render, in the pickers and the heading.
      expect(await from.inputValue()).toBe(dayText('th', since))
      expect(await to.inputValue()).toBe(dayText('th', firstOfMonth))
      expectBuddhist(await page.locator('p', { hasText: ' – ' }).allInnerTexts())
      // The monthly trend's labels too.
      expectBuddhist(await page.locator('figure svg g text:first-of-type').allTextContents())
    } finally {
      await context.close()
    }
  }, 180_000)

  it('the licence reports due name months and deadlines in พ.ศ.', async () => {
    const { context, page } = await loggedIn('point.dopa@demo.info.go.th')
    try {
      await page.goto(`${site.baseUrl}/admin/collections/licence-reports`)
      const months = await datesIn(page, '.licence-due h3', 'licence-due')
      expectBuddhist(months)
      for (const month of months) expect(month).toMatch(/^[ก-๙]+ 25\d\d · /)
      const deadlines = await page.locator('.licence-due p', { hasText: 'Open until' }).allInnerTexts()
      if (deadlines.length) expectBuddhist(deadlines)
      await screenshot(page, 'thai-dates-licence-due')
    } finally {
      await context.close()
    }
  }, 120_000)

  it('a licence report’s year and month read พ.ศ. and Thai month names in the list and the form, and a year picked as พ.ศ. is stored as CE', async () => {
    const { context, page } = await loggedIn('point.dopa@demo.info.go.th')
    try {
      await page.goto(`${site.baseUrl}/admin/collections/licence-reports`)
      const years = await datesIn(page, 'tbody td.cell-year', 'licence-years')
      expectBuddhist(years)
      const months = await page.locator('tbody td.cell-month').allInnerTexts()
      expect(months.length).toBe(years.length)
      for (const month of months) expect(THAI_MONTHS).toContain(month.trim())

      // A new report through the form: the current Bangkok month, a process not reported yet.
      const [ceYear, month] = bangkokDayBefore(0).split('-').map(Number)
      const due = await (await context.request.get(`${site.baseUrl}/api/licence-reports/due`)).json()
      const open = due.periods.find((p: { year: number; month: number }) => p.year === ceYear && p.month === month)
      const process = open?.processes.find((row: { report: unknown }) => !row.report)?.process as { name: string } | undefined
      if (!process) throw new Error(`no process left to report for ${ceYear}-${month}: ${JSON.stringify(due).slice(0, 1000)}`)
      await page.goto(`${site.baseUrl}/admin/collections/licence-reports/create`)
      await pick(page, '#field-process', process.name)
      await pick(page, '#field-year', String(ceYear + 543))
      await pick(page, '#field-month', THAI_MONTHS[month - 1])
      await screenshot(page, 'thai-dates-licence-form')
      await page.keyboard.press('Control+s')
      await page.waitForURL(/\/licence-reports\/\d+$/, { timeout: 60_000 })
      const id = Number(page.url().split('/').pop())
      const stored = await (await context.request.get(`${site.baseUrl}/api/licence-reports/${id}?depth=0`)).json()
      expect([stored.year, stored.month]).toEqual([ceYear, month])
      // The saved form shows the same พ.ศ. year and month name again.
      await page.reload()
      await expect(page.locator('#field-year .rs__single-value').innerText()).resolves.toBe(String(ceYear + 543))
      await expect(page.locator('#field-month .rs__single-value').innerText()).resolves.toBe(THAI_MONTHS[month - 1])
    } finally {
      await context.close()
    }
  }, 180_000)

  it('an extra holiday’s date is a day picker in พ.ศ., in the list and the form', async () => {
    const holiday = await extraHoliday()
    const { context, page } = await loggedIn('admin@demo.info.go.th')
    try {
      await page.goto(`${site.baseUrl}/admin/collections/extra-holidays`)
      const cells = await datesIn(page, 'tbody td.cell-date', 'extra-holidays')
      expectBuddhist(cells)
      expect(cells).toContain(formatDateFor('th', holiday.date))
      await page.goto(`${site.baseUrl}/admin/collections/extra-holidays/${holiday.id}`)
      const input = page.locator('#field-date input')
      await input.waitFor({ timeout: 60_000 })
      expect(await input.inputValue()).toBe(formatDateFor('th', holiday.date))
    } finally {
      await context.close()
    }
  }, 120_000)

  it('the audit-log list is พ.ศ.', async () => {
    const { context, page } = await loggedIn('admin@demo.info.go.th')
    try {
      await page.goto(`${site.baseUrl}/admin/collections/audit-logs`)
      expectBuddhist(await datesIn(page, 'tbody td.cell-createdAt', 'audit-logs'))
    } finally {
      await context.close()
    }
  }, 120_000)
})

describe('in English (Gregorian)', () => {
  it('the same lists, controls and picker show CE years', async () => {
    const { context, page } = await loggedIn('admin@demo.info.go.th', 'en')
    try {
      await page.goto(`${site.baseUrl}/admin/collections/manuals`)
      const cells = await datesIn(page, 'tbody td.cell-updatedAt', 'list-en')
      expectGregorian(cells)
      expect(cells[0]).toMatch(/^\d{1,2} [A-Z][a-z]{2} 20\d\d \d\d:\d\d$/)
      await page.goto(`${site.baseUrl}/admin/collections/audit-logs`)
      expectGregorian(await datesIn(page, 'tbody td.cell-createdAt', 'audit-logs-en'))

      const { receivedAt, firstSight } = await openCase(context, page)
      expect(firstSight).toBe(pickerText('en', receivedAt))
      expectGregorian([firstSight])
      expectGregorian(await datesIn(page, '.doc-controls__value-wrap .doc-controls__value', 'doc-controls-en'))
      await page.locator('#field-receivedAt input').click()
      const yearSelect = page.locator('.react-datepicker__year-select')
      await yearSelect.waitFor()
      const selected = await yearSelect.evaluate((s: HTMLSelectElement) => ({ value: Number(s.value), label: s.selectedOptions[0].label, hasLabel: s.selectedOptions[0].hasAttribute('label') }))
      expect(selected).toEqual({ value: expect.any(Number), label: String(selected.value), hasLabel: false })
      expect(selected.value).toBeGreaterThanOrEqual(THIS_CE_YEAR - 1)
      await screenshot(page, 'thai-dates-english')
    } finally {
      await context.close()
    }
  }, 180_000)
  it('the report filters, the licence reports due and the extra holidays show CE years', async () => {
    const { context, page } = await loggedIn('opdc@demo.info.go.th', 'en')
    try {
      const since = bangkokDayBefore(60)
      await page.goto(`${site.baseUrl}/admin/reports/satisfaction?from=${since}`)
      const from = page.locator('#report-filter-from')
      await from.waitFor({ timeout: 60_000 })
      expect(await from.inputValue()).toBe(dayText('en', since))
      expectGregorian([await from.inputValue()])
      expect(await ratingsShown(page)).toBe(await ratingsByApi(context, `from=${since}`))
      expectGregorian(await page.locator('p', { hasText: ' – ' }).allInnerTexts())
      expectGregorian(await page.locator('figure svg g text:first-of-type').allTextContents())
      // The summary report's period (survey-responses) is the same picker.
      await page.goto(`${site.baseUrl}/admin/reports?report=survey-responses&from=${since}`)
      await from.waitFor({ timeout: 60_000 })
      expect(await from.inputValue()).toBe(dayText('en', since))
      await screenshot(page, 'thai-dates-report-filter-en')
    } finally {
      await context.close()
    }

    const point = await loggedIn('point.dopa@demo.info.go.th', 'en')
    try {
      await point.page.goto(`${site.baseUrl}/admin/collections/licence-reports`)
      const months = await datesIn(point.page, '.licence-due h3', 'licence-due-en')
      expectGregorian(months)
      for (const month of months) expect(month).toMatch(/^[A-Z][a-z]+ 20\d\d · /)
      const deadlines = await point.page.locator('.licence-due p', { hasText: 'Open until' }).allInnerTexts()
      if (deadlines.length) expectGregorian(deadlines)
      expectGregorian(await datesIn(point.page, 'tbody td.cell-year', 'licence-years-en'))
      for (const month of await point.page.locator('tbody td.cell-month').allInnerTexts()) expect(month.trim()).toMatch(/^(January|February|March|April|May|June|July|August|September|October|November|December)$/)
    } finally {
      await point.context.close()
    }

    const holiday = await extraHoliday()
    const admin = await loggedIn('admin@demo.info.go.th', 'en')
    try {
      await admin.page.goto(`${site.baseUrl}/admin/collections/extra-holidays`)
      const cells = await datesIn(admin.page, 'tbody td.cell-date', 'extra-holidays-en')
      expectGregorian(cells)
      expect(cells).toContain(formatDateFor('en', holiday.date))
    } finally {
      await admin.context.close()
    }
  }, 240_000)
})
