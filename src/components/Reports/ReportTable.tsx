'use client'
/* The summary report's table: sort by any column (click its header), filter rows by text. */
import React, { useMemo, useState } from 'react'

type Cell = string | number | boolean | null | undefined

export function ReportTable({ columns, rows }: { columns: Array<{ key: string; header: string }>; rows: Cell[][] }) {
  const [sort, setSort] = useState<{ index: number; desc: boolean } | null>(null)
  const [filter, setFilter] = useState('')
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    const kept = needle ? rows.filter((r) => r.some((c) => String(c ?? '').toLowerCase().includes(needle))) : rows
    if (!sort) return kept
    const { index, desc } = sort
    return [...kept].sort((a, b) => {
      const x = a[index]
      const y = b[index]
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''), 'th')
      return desc ? -order : order
    })
  }, [rows, sort, filter])
  return (
    <div>
      <label style={{ display: 'block', margin: '8px 0' }}>
        กรองข้อมูล (Filter){' '}
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="พิมพ์คำที่ต้องการ" />
        <span style={{ marginLeft: 8, opacity: 0.7 }}>
          {shown.length.toLocaleString('th-TH')} / {rows.length.toLocaleString('th-TH')} แถว (rows)
        </span>
      </label>
      <div style={{ overflowX: 'auto' }}>
        <table className="table" style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th
                  key={c.key}
                  aria-sort={sort?.index === i ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                  style={{ textAlign: 'left', borderBottom: '1px solid #ccc', padding: 4 }}
                >
                  <button
                    type="button"
                    onClick={() => setSort((s) => (s?.index === i ? { index: i, desc: !s.desc } : { index: i, desc: false }))}
                    style={{ all: 'unset', cursor: 'pointer', fontWeight: 600 }}
                  >
                    {c.header} {sort?.index === i ? (sort.desc ? '▼' : '▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j} style={{ padding: 4, borderBottom: '1px solid #eee', textAlign: typeof c === 'number' ? 'right' : 'left' }}>
                    {typeof c === 'number' ? c.toLocaleString('th-TH') : String(c ?? '')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
