'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { formatDateFor } from '../../lib/thaiDate'
import { ROLE_LABELS, type Role } from '../../lib/roles'
import { WORKFLOW_STATES } from '../../lib/workflowStates'

type Row = { id: number; revision: number; action: string; fromState: string; toState: string; actorName?: string; actorRole?: Role; comment?: string; createdAt: string }

const stateTh = (value: string) => WORKFLOW_STATES.find((s) => s.value === value)?.th ?? value

/** ประวัติการดำเนินการ: every transition of this manual, newest first (read-only, recorded by the server). */
export function WorkflowTimeline() {
  const { id } = useDocumentInfo()
  // พ.ศ. in the Thai admin, Gregorian in the English one.
  const { i18n } = useTranslation()
  const [rows, setRows] = useState<Row[] | null>(null)

  useEffect(() => {
    if (!id) return
    void fetch(`/api/manual-transitions?where[manual][equals]=${id}&sort=-createdAt&depth=0&limit=100`, { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : { docs: [] }))
      .then((body) => setRows(body.docs))
  }, [id])

  if (!id) return null
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 8px' }}>ประวัติการดำเนินการ (Timeline)</h4>
      {rows === null ? null : rows.length === 0 ? (
        <p style={{ opacity: 0.7 }}>ยังไม่มีการดำเนินการ (No transitions yet)</p>
      ) : (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((r) => (
            <li key={r.id} style={{ borderLeft: '3px solid var(--theme-elevation-200)', padding: '4px 0 8px 10px' }}>
              <div>
                <strong>{stateTh(r.fromState)}</strong> → <strong>{stateTh(r.toState)}</strong> · Revision {r.revision}
              </div>
              <div style={{ fontSize: 13, opacity: 0.8 }}>
                {formatDateFor(i18n.language, r.createdAt, true)} · {r.actorName}
                {r.actorRole ? ` (${ROLE_LABELS[r.actorRole]?.th ?? r.actorRole})` : ''}
              </div>
              {r.comment ? <div style={{ fontSize: 13, marginTop: 2 }}>“{r.comment}”</div> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
