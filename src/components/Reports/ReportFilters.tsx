/*
 * The parts of a report's GET filter form that every report view shares (/admin/reports and
 * /admin/reports/satisfaction): the agency choice, the period, the submit button, and the error
 * a rejected filter gets. Server components except the period's date pickers (ReportDateInput).
 */
import React from 'react'

import { ReportDateInput } from './ReportDateInput'

type Named = { id: number | string; name?: unknown }

/** The agencies the officer may report on; "all" is theirs, or every agency for OPDC. */
export function AgencySelect({ agencies, selected, all }: { agencies: Named[]; selected?: string | null; all: boolean }) {
  return (
    <label>
      หน่วยงาน (รวมหน่วยงานในสังกัด)
      <br />
      <select name="agency" defaultValue={selected ?? ''}>
        <option value="">{all ? 'ทุกหน่วยงาน (All)' : 'หน่วยงานของท่านทั้งหมด (All of yours)'}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {String(a.name)}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The period, a day each end (Bangkok calendar days, both included), in Payload's date picker. */
export function PeriodInputs({ from, to }: { from?: string | null; to?: string | null }) {
  return (
    <>
      <ReportDateInput name="from" label="ตั้งแต่วันที่ (From)" defaultValue={from} />
      <ReportDateInput name="to" label="ถึงวันที่ (To)" defaultValue={to} />
    </>
  )
}

export function ShowReportButton() {
  return (
    <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }}>
      แสดงรายงาน (Show)
    </button>
  )
}

export function ReportError({ message }: { message: string }) {
  return (
    <div role="alert" style={{ padding: 12, border: '1px solid #c0392b', borderRadius: 4 }}>
      {message}
    </div>
  )
}
