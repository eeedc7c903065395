/*
 * Summary report > รายงานผลประเมินความพึงพอใจ (/admin/reports/satisfaction): per service point,
 * per agency with its sub-units, per period; the same scope rules and figures as
 * GET /api/survey-responses/summary, with CSV and XLSX exports. Server-rendered: the filter is a
 * plain GET form and the monthly trend an inline SVG chart.
 */
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminPage } from '../Admin/AdminPage'
import { ExportButtons } from '../Reports/ExportButtons'
import { AgencySelect, PeriodInputs, ReportError, ShowReportButton } from '../Reports/ReportFilters'
import { agenciesToReportOn } from '../Reports/reportAgencies'

import { loadSummary, resolveSummaryScope, type SummaryQuery } from '../../collections/SurveyResponses/summary'
import { periodLabel, scopeLabel } from '../../endpoints/satisfactionExport'
import { SCORE_LABELS } from '../../lib/surveyRules'
import type { MonthSummary, SatisfactionSummary } from '../../lib/surveyStats'
import { formatMonthFor } from '../../lib/thaiDate'

const one = (v: unknown) => (Array.isArray(v) ? v[0] : typeof v === 'string' ? v : undefined)
const fmt = (n: number | null) => (n === null ? '–' : n.toFixed(2))

function TrendChart({ trend, language }: { trend: MonthSummary[]; language: string }) {
  if (!trend.length) return null
  const W = Math.max(360, trend.length * 56)
  const H = 220
  const pad = { l: 40, r: 40, t: 16, b: 40 }
  const maxCount = Math.max(1, ...trend.map((m) => m.count))
  const step = (W - pad.l - pad.r) / trend.length
  const y = (v: number, max: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max)
  const points = trend
    .map((m, i) => (m.mean === null ? null : `${pad.l + step * i + step / 2},${y(m.mean, 5)}`))
    .filter(Boolean)
    .join(' ')
  return (
    <figure style={{ margin: '16px 0', overflowX: 'auto' }}>
      <svg width={W} height={H} role="img" aria-label="แนวโน้มรายเดือน: จำนวนผู้ประเมิน (แท่ง) และคะแนนเฉลี่ย (เส้น)">
        <line x1={pad.l} y1={H - pad.b} x2={W - pad.r} y2={H - pad.b} stroke="currentColor" opacity={0.4} />
        {trend.map((m, i) => {
          const [year, month] = m.month.split('-').map(Number)
          const label = formatMonthFor(language, year, month, true)
          const x = pad.l + step * i
          const top = y(m.count, maxCount)
          return (
            <g key={m.month}>
              <rect x={x + step * 0.2} y={top} width={step * 0.6} height={H - pad.b - top} fill="#8ea4d9">
                <title>{`${label}: ${m.count} ราย, เฉลี่ย ${fmt(m.mean)}`}</title>
              </rect>
              <text x={x + step / 2} y={H - pad.b + 16} fontSize={11} textAnchor="middle" fill="currentColor">
                {label}
              </text>
              <text x={x + step / 2} y={top - 4} fontSize={10} textAnchor="middle" fill="currentColor">
                {m.count}
              </text>
            </g>
          )
        })}
        <polyline points={points} fill="none" stroke="#c0392b" strokeWidth={2} />
        {[1, 2, 3, 4, 5].map((v) => (
          <text key={v} x={W - pad.r + 6} y={y(v, 5) + 4} fontSize={10} fill="#c0392b">
            {v}
          </text>
        ))}
      </svg>
      <figcaption style={{ fontSize: 12, opacity: 0.8 }}>แท่ง: จำนวนผู้ประเมินต่อเดือน · เส้นสีแดง: คะแนนเฉลี่ย (แกนขวา 1–5) — Bars: ratings per month; red line: mean score</figcaption>
    </figure>
  )
}

function Distribution({ d }: { d: SatisfactionSummary['overall']['distribution'] }) {
  const total = Object.values(d).reduce((a, b) => a + b, 0) || 1
  return (
    <div style={{ display: 'flex', height: 14, width: 200, borderRadius: 3, overflow: 'hidden', background: '#eee' }} aria-hidden="true">
      {(['1', '2', '3', '4', '5'] as const).map((k, i) => (
        <div key={k} title={`${k}: ${d[k]}`} style={{ width: `${(100 * d[k]) / total}%`, background: ['#c0392b', '#e67e22', '#f1c40f', '#7fb77e', '#2e8b57'][i] }} />
      ))}
    </div>
  )
}

export async function SatisfactionReportView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  // Dates follow the admin language: พ.ศ. in Thai, Gregorian in English.
  const language = req.i18n?.language ?? 'th'
  const query: SummaryQuery = {
    servicePoint: one(searchParams?.servicePoint) || null,
    agency: one(searchParams?.agency) || null,
    from: one(searchParams?.from) || null,
    to: one(searchParams?.to) || null,
  }
  let summary: SatisfactionSummary | null = null
  let heading = ''
  let error: string | null = null
  try {
    const scope = await resolveSummaryScope(req, query)
    summary = await loadSummary(req.payload, scope)
    heading = `${scopeLabel(scope)} · ${periodLabel(scope, language)}`
  } catch (err) {
    error = (err as Error).message
  }

  // The filter offers what the officer may report on.
  const { all, scopeIds, agencies } = await agenciesToReportOn(req)
  const servicePoints = await req.payload.find({
    collection: 'service-points',
    where: scopeIds ? { agency: { in: scopeIds } } : {},
    sort: 'name',
    limit: 1000,
    depth: 0,
    select: { name: true },
    overrideAccess: true,
  })
  const exportQuery = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as Array<[string, string]>).toString()
  const exportHref = (format: string) => `/api/reports/satisfaction/export?format=${format}${exportQuery ? `&${exportQuery}` : ''}`

  return (
    <AdminPage view={view}>
        <h1 style={{ marginTop: 24 }}>รายงานผลประเมินความพึงพอใจ</h1>
        <p style={{ opacity: 0.75, marginTop: 0 }}>Summary report · Citizen satisfaction</p>
        <form method="get" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', margin: '16px 0' }}>
          <AgencySelect agencies={agencies} selected={query.agency} all={all} />
          <label>
            จุดบริการ
            <br />
            <select name="servicePoint" defaultValue={query.servicePoint ?? ''}>
              <option value="">ทุกจุดบริการ (All)</option>
              {servicePoints.docs.map((s) => (
                <option key={s.id} value={s.id}>
                  {String(s.name)}
                </option>
              ))}
            </select>
          </label>
          <PeriodInputs from={query.from} to={query.to} />
          <ShowReportButton />
        </form>
        {error ? (
          <ReportError message={error} />
        ) : summary ? (
          <>
            <p>{heading}</p>
            <ExportButtons href={{ csv: exportHref('csv'), xlsx: exportHref('xlsx') }} />
            <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap', margin: '16px 0' }}>
              <div>
                <div style={{ fontSize: 32, fontWeight: 700 }}>{summary.count.toLocaleString('th-TH')}</div>
                จำนวนผู้ประเมิน (Ratings)
              </div>
              <div>
                <div style={{ fontSize: 32, fontWeight: 700 }}>{fmt(summary.overall.mean)}</div>
                คะแนนเฉลี่ยรวม จาก 5 (Overall mean)
              </div>
            </div>
            <table className="table" style={{ width: '100%', borderCollapse: 'collapse' }}>
              <thead>
                <tr>
                  <th style={{ textAlign: 'left' }}>คำถาม (Question)</th>
                  <th>จำนวน</th>
                  <th>เฉลี่ย</th>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <th key={n} title={`${SCORE_LABELS[n].th} (${SCORE_LABELS[n].en})`}>
                      {n}
                    </th>
                  ))}
                  <th>การกระจาย</th>
                </tr>
              </thead>
              <tbody>
                {[...summary.questions, { key: '', text: 'รวมทุกข้อ (All questions)', textEn: '', count: summary.overall.answers, mean: summary.overall.mean, distribution: summary.overall.distribution }].map((q) => (
                  <tr key={q.key || 'all'} style={{ borderTop: '1px solid #ddd', fontWeight: q.key ? 400 : 700 }}>
                    <td>
                      {q.text}
                      {q.textEn ? <div style={{ opacity: 0.7, fontSize: 12 }}>{q.textEn}</div> : null}
                    </td>
                    <td style={{ textAlign: 'center' }}>{q.count}</td>
                    <td style={{ textAlign: 'center' }}>{fmt(q.mean)}</td>
                    {(['1', '2', '3', '4', '5'] as const).map((k) => (
                      <td key={k} style={{ textAlign: 'center' }}>
                        {q.distribution[k]}
                      </td>
                    ))}
                    <td>
                      <Distribution d={q.distribution} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2 style={{ marginTop: 32 }}>แนวโน้มรายเดือน (Monthly trend)</h2>
            <TrendChart trend={summary.trend} language={language} />
          </>
        ) : null}
    </AdminPage>
  )
}
