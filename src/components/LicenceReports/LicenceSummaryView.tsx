/*
 * รายงานสรุปผลการออกใบอนุญาต (/admin/reports/licence): the submitted licence figures of a
 * department, a ministry or (OPDC) every agency, for a year, a quarter (the Cabinet's quarterly
 * report) or a month: by month, by department, and the units that have not reported yet. The same
 * rules and figures as GET /api/licence-reports/rollup, with its CSV/XLSX export. Server-rendered:
 * the filter is a plain GET form. Years read พ.ศ. in Thai and CE in English; the query keeps CE.
 */
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminPage } from '../Admin/AdminPage'
import { ExportButtons } from '../Reports/ExportButtons'
import { agenciesToReportOn } from '../Reports/reportAgencies'
import { AgencySelect, ReportError, ShowReportButton } from '../Reports/ReportFilters'

import { authoriseRollup, buildRollup, parseRollupParams, type Rollup, type RollupQuery } from '../../collections/LicenceReports/rollup'
import { licenceNow } from '../../collections/LicenceReports/settings'
import { LICENCE_COUNT_FIELDS, LICENCE_COUNT_LABELS, type LicenceCounts, periodOf } from '../../lib/licenceReport'
import { reportingYears } from '../../lib/reportingYears'
import { formatMonthFor, monthNameFor, yearFor } from '../../lib/thaiDate'

const one = (v: unknown) => (Array.isArray(v) ? v[0] : typeof v === 'string' ? v : undefined)
const cell = { padding: 4, borderBottom: '1px solid #eee' } as const
const numberCell = { ...cell, textAlign: 'right' } as const

const REPORTING_BY: Record<string, { th: string; en: string }> = {
  'service-points': { th: 'จุดบริการรายงาน', en: 'Service points report' },
  department: { th: 'กรมรายงานเอง', en: 'The department reports' },
}

type FiguresRow = { key: string; label: React.ReactNode[]; counts: LicenceCounts; unitsDue?: number; unitsReported?: number; total?: boolean }

/** A table of the seven figures: leading label columns, the counts, then units due and reported. */
function FiguresTable({ testId, labels, rows, english }: { testId: string; labels: string[]; rows: FiguresRow[]; english: boolean }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="table" style={{ width: '100%', borderCollapse: 'collapse' }} data-testid={testId}>
        <thead>
          <tr>
            {labels.map((l) => (
              <th key={l} style={{ ...cell, textAlign: 'left' }}>
                {l}
              </th>
            ))}
            {LICENCE_COUNT_FIELDS.map((f) => (
              <th key={f} style={{ ...numberCell, fontWeight: 600 }} title={english ? LICENCE_COUNT_LABELS[f].th : LICENCE_COUNT_LABELS[f].en}>
                {english ? LICENCE_COUNT_LABELS[f].en : LICENCE_COUNT_LABELS[f].th}
              </th>
            ))}
            <th style={numberCell}>{english ? 'Units due' : 'หน่วยที่ต้องรายงาน'}</th>
            <th style={numberCell}>{english ? 'Reported' : 'รายงานครบแล้ว'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key} style={row.total ? { fontWeight: 700 } : undefined}>
              {row.label.map((content, i) => (
                <td key={i} style={cell}>
                  {content}
                </td>
              ))}
              {LICENCE_COUNT_FIELDS.map((f) => (
                <td key={f} style={numberCell}>
                  {row.counts[f].toLocaleString('th-TH')}
                </td>
              ))}
              <td style={numberCell}>{row.unitsDue ?? ''}</td>
              <td style={numberCell}>{row.unitsReported ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export async function LicenceSummaryView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const language = req.i18n?.language ?? 'th'
  const english = language === 'en'
  const t = (th: string, en: string) => (english ? en : th)
  const now = periodOf(licenceNow(req))
  const raw = {
    agency: one(searchParams?.agency) ?? '',
    year: one(searchParams?.year) || String(now.year),
    quarter: one(searchParams?.quarter) ?? '',
    month: one(searchParams?.month) ?? '',
  }

  let query: RollupQuery | null = null
  let rollup: Rollup | null = null
  let error: string | null = null
  try {
    query = await authoriseRollup(req, parseRollupParams(raw))
    ;({ rollup } = await buildRollup(req, query))
  } catch (err) {
    error = (err as Error).message
  }

  const { all, agencies } = await agenciesToReportOn(req)
  const selectedYear = Number(raw.year)
  const years = reportingYears(now.year, Number.isInteger(selectedYear) ? selectedYear : null)
  const exportQuery = new URLSearchParams(Object.entries(raw).filter(([, v]) => v) as Array<[string, string]>).toString()
  const exportHref = (format: string) => `/api/licence-reports/export?format=${format}&${exportQuery}`
  const periodName = (month: number) => formatMonthFor(language, selectedYear, month)

  return (
    <AdminPage view={view}>
      <h1 style={{ marginTop: 24 }}>{t('รายงานสรุปผลการออกใบอนุญาต', 'Licence issuance summary')}</h1>
      <p style={{ opacity: 0.75, marginTop: 0 }}>
        {t('ตัวเลขที่ส่งรายงานแล้ว สรุปรายเดือน รายหน่วยงาน และหน่วยที่ยังไม่รายงาน', 'Submitted figures by month and by department, and the units that have not reported yet')}
      </p>
      <form method="get" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', margin: '16px 0' }}>
        <AgencySelect agencies={agencies} selected={raw.agency} all={all} />
        <label>
          {t('ปี พ.ศ.', 'Year')}
          <br />
          <select name="year" defaultValue={raw.year} data-testid="licence-summary-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {yearFor(language, y)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ไตรมาส', 'Quarter')}
          <br />
          <select name="quarter" defaultValue={raw.quarter}>
            <option value="">{t('ทั้งปี', 'Whole year')}</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('ไตรมาส', 'Quarter')} {q} ({monthNameFor(language, q * 3 - 2, true)}–{monthNameFor(language, q * 3, true)})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('เดือน', 'Month')}
          <br />
          <select name="month" defaultValue={raw.month}>
            <option value="">{t('ทุกเดือน', 'All months')}</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {monthNameFor(language, i + 1)}
              </option>
            ))}
          </select>
        </label>
        <ShowReportButton />
      </form>
      {error ? (
        <ReportError message={error} />
      ) : rollup && query ? (
        <>
          <ExportButtons href={{ csv: exportHref('csv'), xlsx: exportHref('xlsx') }} />

          <h2>{t('รายเดือน', 'By month')}</h2>
          <FiguresTable
            testId="licence-summary-months"
            english={english}
            labels={[t('เดือน', 'Month')]}
            rows={[
              ...rollup.byMonth.map((m) => ({ key: String(m.month), label: [periodName(m.month)], counts: m.totals, unitsDue: m.unitsDue, unitsReported: m.unitsReported })),
              { key: 'total', label: [t('รวม', 'Total')], counts: rollup.totals, total: true },
            ]}
          />

          <h2>{t('รายหน่วยงาน', 'By department')}</h2>
          <FiguresTable
            testId="licence-summary-departments"
            english={english}
            labels={[t('หน่วยงาน', 'Department'), t('ผู้รายงาน', 'Reported by')]}
            rows={rollup.byDepartment.map((d) => ({
              key: String(d.agency.id),
              label: [d.agency.name, english ? REPORTING_BY[d.reportingBy]?.en : REPORTING_BY[d.reportingBy]?.th],
              counts: d.totals,
              unitsDue: d.unitsDue,
              unitsReported: d.unitsReported,
            }))}
          />

          <h2>
            {t('หน่วยที่ยังไม่รายงาน', 'Not reported yet')} ({rollup.notReported.length.toLocaleString('th-TH')})
          </h2>
          {rollup.notReported.length ? (
            <div style={{ overflowX: 'auto' }}>
              <table className="table" style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="licence-summary-missing">
                <thead>
                  <tr>
                    <th style={{ ...cell, textAlign: 'left' }}>{t('เดือน', 'Month')}</th>
                    <th style={{ ...cell, textAlign: 'left' }}>{t('หน่วยที่รายงาน', 'Reporting unit')}</th>
                    <th style={{ ...cell, textAlign: 'left' }}>{t('หน่วยงาน', 'Department')}</th>
                    <th style={{ ...cell, textAlign: 'left' }}>{t('กระบวนงานที่ยังไม่ส่ง', 'Processes not submitted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rollup.notReported.map((gap) => (
                    <tr key={`${gap.month}-${gap.unit.kind}-${gap.unit.id}`}>
                      <td style={cell}>{periodName(gap.month)}</td>
                      <td style={cell}>{gap.unit.name}</td>
                      <td style={cell}>{gap.agency.name}</td>
                      <td style={cell}>{gap.missingProcesses.map((p) => p.name).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('ทุกหน่วยรายงานครบแล้ว', 'Every unit has reported')}</p>
          )}
        </>
      ) : null}
    </AdminPage>
  )
}
