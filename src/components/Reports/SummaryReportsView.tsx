/*
 * รายงานสรุป (Summary report) at /admin/reports: the summary reports of GET /api/reports/<report>
 * with the same scope (an officer: their agency and sub-units; OPDC and system admins: all), a
 * sortable and filterable table, and "ส่งออก excel/ csv" through /api/reports/<report>/export.
 * The reports other features serve (satisfaction, licence, delay) are linked from here.
 */
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminPage } from '../Admin/AdminPage'

import { loadReport, paramsOf, type ReportJson } from '../../endpoints/reports'
import { navLinksFor } from '../../lib/adminNav'
import { GROUP_BY, SUMMARY_REPORTS } from '../../endpoints/summaryReports'
import { ExportButtons } from './ExportButtons'
import { AgencySelect, PeriodInputs, ReportError, ShowReportButton } from './ReportFilters'
import { agenciesToReportOn } from './reportAgencies'
import { ReportTable } from './ReportTable'

const one = (v: unknown) => (Array.isArray(v) ? v[0] : typeof v === 'string' ? v : undefined)

/** `nav`: shown only to the roles the menu gives that entry (src/lib/adminNav.ts). */
const OTHER_REPORTS: Array<{ href: string; label: string; nav?: string }> = [
  { href: '/admin/reports/satisfaction', label: 'รายงานผลประเมินความพึงพอใจ (Satisfaction)' },
  { href: '/admin/reports/licence', label: 'รายงานสรุปผลการออกใบอนุญาต (Licence issuance)', nav: 'licence-summary' },
  { href: '/admin/collections/delay-notices', label: 'หนังสือแจ้งเรื่องล่าช้า (Delay notices)' },
]

const GROUP_LABELS: Record<string, string> = { agency: 'หน่วยงาน (Agency)', ministry: 'กระทรวง (Ministry)', province: 'จังหวัด (Province)', category: 'หมวดหมู่บริการ (Service category)' }

export async function SummaryReportsView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const key = one(searchParams?.report) && SUMMARY_REPORTS[one(searchParams?.report)!] ? one(searchParams?.report)! : 'manuals-by-state'
  const definition = SUMMARY_REPORTS[key]
  const query: Record<string, string> = {}
  for (const name of ['groupBy', 'agency', 'coverage', 'from', 'to']) {
    const value = one(searchParams?.[name])
    if (value) query[name] = value
  }
  let report: ReportJson | null = null
  let error: string | null = null
  try {
    report = await loadReport(req, definition, await paramsOf(req, { ...query, lang: req.i18n?.language }))
  } catch (err) {
    error = (err as Error).message
  }
  const { all, agencies } = await agenciesToReportOn(req)
  const menu = new Set(navLinksFor(req.user).map((l) => l.key))
  const otherReports = OTHER_REPORTS.filter((r) => !r.nav || menu.has(r.nav))
  const qs = new URLSearchParams(query).toString()
  const exportHref = (format: string) => `/api/reports/${key}/export?format=${format}${qs ? `&${qs}` : ''}`

  return (
    <AdminPage view={view}>
        <h1 style={{ marginTop: 24 }}>รายงานสรุป</h1>
        <p style={{ opacity: 0.75, marginTop: 0 }}>Summary report</p>
        <nav aria-label="รายงาน (Reports)" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', margin: '12px 0' }}>
          {Object.values(SUMMARY_REPORTS).map((r) => (
            <a key={r.key} href={`/admin/reports?report=${r.key}`} aria-current={r.key === key ? 'page' : undefined} style={{ fontWeight: r.key === key ? 700 : 400 }}>
              {r.title.th}
            </a>
          ))}
          {otherReports.map((r) => (
            <a key={r.href} href={r.href}>
              {r.label}
            </a>
          ))}
        </nav>
        <h2>
          {definition.title.th} <small style={{ opacity: 0.7 }}>({definition.title.en})</small>
        </h2>
        <form method="get" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', margin: '16px 0' }}>
          <input type="hidden" name="report" value={key} />
          <AgencySelect agencies={agencies} selected={query.agency} all={all} />
          {key === 'manuals-by-state' ? (
            <label>
              จำแนกตาม (Group by)
              <br />
              <select name="groupBy" defaultValue={query.groupBy ?? 'agency'}>
                {GROUP_BY.map((g) => (
                  <option key={g} value={g}>
                    {GROUP_LABELS[g]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {key === 'processes-coverage' ? (
            <label>
              คู่มือที่เผยแพร่ (Published manual)
              <br />
              <select name="coverage" defaultValue={query.coverage ?? ''}>
                <option value="">ทั้งหมด (All)</option>
                <option value="with">มีคู่มือ (With)</option>
                <option value="without">ไม่มีคู่มือ (Without)</option>
              </select>
            </label>
          ) : null}
          {key === 'survey-responses' ? <PeriodInputs from={query.from} to={query.to} /> : null}
          <ShowReportButton />
        </form>
        {error ? (
          <ReportError message={error} />
        ) : report ? (
          <>
            <ExportButtons href={{ csv: exportHref('csv'), xlsx: exportHref('xlsx') }} />
            {report.truncated ? (
              <p role="note">แสดง {report.rows.length.toLocaleString('th-TH')} แถวแรก ส่งออกไฟล์เพื่อดูทั้งหมด (First rows shown; export for all)</p>
            ) : null}
            <ReportTable columns={report.columns} rows={report.rows} />
          </>
        ) : null}
    </AdminPage>
  )
}
