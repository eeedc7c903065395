import React from 'react'

import type { OpeningHours } from './api'
import { hoursText, type Lang, pick, weekdayName } from './format'

/** A service point's opening hours as a small table (day, hours). */
export function HoursTable({ hours, lang, caption }: { hours: OpeningHours[] | null | undefined; lang: Lang; caption?: string }) {
  if (!hours?.length) return <p className="meta">{pick(lang, 'ไม่ได้ระบุเวลาทำการ', 'Opening hours not given')}</p>
  return (
    <table className="data">
      {caption ? <caption className="meta" style={{ textAlign: 'left' }}>{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{pick(lang, 'วัน', 'Day')}</th>
          <th scope="col">{pick(lang, 'เวลาทำการ', 'Hours')}</th>
        </tr>
      </thead>
      <tbody>
        {hours.map((h, i) => (
          <tr key={`${h.day}-${i}`}>
            <th scope="row">{weekdayName(h.day, lang)}</th>
            <td>{hoursText(h.opens, h.closes, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
