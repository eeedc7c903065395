'use client'
import { useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { formatDateFor, formatMonthFor } from '../../lib/thaiDate'

type Row = { process: { id: number; name: string }; report: { id: number; state: string } | null }
type DuePeriod = {
  year: number
  month: number
  label: string
  status: 'open' | 'locked' | 'unlock-requested' | 'unlocked' | 'closed' | 'not-open'
  locksAt: string
  editableUntil: string | null
  canRequestUnlock: boolean
  unlockRequest: { id: number; state: string; windowEndsAt: string | null } | null
  processes: Row[]
}
type Due = { unit: { kind: string; servicePoint: number | null; agency: number; name: string } | null; periods: DuePeriod[]; message?: string }

const STATUS: Record<DuePeriod['status'], string> = {
  open: 'เปิดรายงาน (Open)',
  locked: 'ล็อคแล้ว (Locked)',
  'unlock-requested': 'รออนุมัติปลดล็อค (Unlock requested)',
  unlocked: 'ปลดล็อคแล้ว (Unlocked)',
  closed: 'ปิดถาวร (Closed)',
  'not-open': 'ยังไม่เปิด (Not open)',
}

/** The last moment of a window that closes at `iso` (exclusive): "until 10 Dec 2026 23:59", not "until 11 Dec 00:00". */
const lastMomentBefore = (iso: string): number => new Date(iso).getTime() - 1

const errorOf = (body: any, status: number): string =>
  body?.errors?.[0]?.data?.errors?.[0]?.message ?? body?.errors?.[0]?.message ?? `HTTP ${status}`

/**
 * "สร้างรายงานการออกใบอนุญาต": above the reports list, the months and processes the officer's unit
 * has to report, with a button to start each report and to request an unlock of a locked month.
 * Every rule is enforced by the REST API; this only shows its answers.
 */
export function DueReports() {
  // พ.ศ. and Thai month names in the Thai admin, Gregorian in the English one.
  const { i18n } = useTranslation()
  const until = (iso: string | null) => (iso ? formatDateFor(i18n.language, lastMomentBefore(iso), true) : '')
  const periodName = (p: DuePeriod) => formatMonthFor(i18n.language, p.year, p.month)
  const [due, setDue] = useState<Due | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    const res = await fetch('/api/licence-reports/due', { credentials: 'include' })
    const body = await res.json().catch(() => null)
    if (res.ok) setDue(body)
    else setMessage(errorOf(body, res.status))
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const start = async (period: DuePeriod, row: Row) => {
    if (!due?.unit) return
    setBusy(true)
    setMessage(null)
    const res = await fetch('/api/licence-reports', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...(due.unit.servicePoint ? { servicePoint: due.unit.servicePoint } : { agency: due.unit.agency }),
        process: row.process.id,
        year: period.year,
        month: period.month,
      }),
    })
    const body = await res.json().catch(() => null)
    setBusy(false)
    if (res.ok) window.location.href = `/admin/collections/licence-reports/${body.doc.id}`
    else setMessage(errorOf(body, res.status))
  }

  const requestUnlock = async (period: DuePeriod) => {
    if (!due?.unit) return
    const reason = window.prompt(`เหตุผลในการขอปลดล็อค ${periodName(period)} (Reason for the unlock request)`)
    if (!reason?.trim()) return
    setBusy(true)
    setMessage(null)
    const res = await fetch('/api/licence-unlock-requests', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...(due.unit.servicePoint ? { servicePoint: due.unit.servicePoint } : { agency: due.unit.agency }),
        year: period.year,
        month: period.month,
        reason,
      }),
    })
    const body = await res.json().catch(() => null)
    setBusy(false)
    if (res.ok) {
      setMessage('ส่งคำขอปลดล็อคแล้ว (Unlock requested)')
      await load()
    } else setMessage(errorOf(body, res.status))
  }

  if (!due) return message ? <p role="alert">{message}</p> : null
  return (
    <section className="licence-due" style={{ marginBottom: 32 }}>
      <h2 style={{ marginBottom: 8 }}>รายงานที่ต้องส่ง (Reports due)</h2>
      {due.unit ? <p>หน่วยที่รายงาน (Reporting unit): {due.unit.name}</p> : <p>{due.message}</p>}
      {message ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {message}
        </p>
      ) : null}
      {due.periods.map((period) => {
        const editable = period.status === 'open' || period.status === 'unlocked'
        return (
          <div key={`${period.year}-${period.month}`} style={{ border: '1px solid var(--theme-elevation-150)', padding: 12, marginBottom: 12 }}>
            <h3 style={{ margin: 0 }}>
              {periodName(period)} · {STATUS[period.status]}
            </h3>
            <p style={{ margin: '4px 0 8px' }}>
              {period.status === 'open' ? `รายงานได้ถึง (Open until) ${until(period.locksAt)}` : null}
              {period.status === 'unlocked' ? `รายงานได้ถึง (Editable until) ${until(period.editableUntil)}` : null}
            </p>
            <table className="table" style={{ width: '100%' }}>
              <tbody>
                {period.processes.map((row) => (
                  <tr key={row.process.id}>
                    <td style={{ overflowWrap: 'anywhere' }}>{row.process.name}</td>
                    <td>{row.report ? (row.report.state === 'submitted' ? 'ส่งแล้ว (Submitted)' : 'ร่าง (Draft)') : 'ยังไม่รายงาน (Not reported)'}</td>
                    <td style={{ textAlign: 'right' }}>
                      {row.report ? (
                        <a className="btn btn--style-secondary btn--size-small" href={`/admin/collections/licence-reports/${row.report.id}`}>
                          {editable ? 'แก้ไข (Edit)' : 'ดู (View)'}
                        </a>
                      ) : editable ? (
                        <button type="button" className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => start(period, row)}>
                          สร้างรายงาน (Start)
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {period.canRequestUnlock ? (
              <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => requestUnlock(period)}>
                ขอปลดล็อค (Request unlock)
              </button>
            ) : null}
          </div>
        )
      })}
    </section>
  )
}
