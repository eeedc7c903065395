'use client'
import { useAuth } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { WAITING_ON } from '../../lib/workflow'
import { WORKFLOW_STATES } from '../../lib/workflowStates'

type Queue = { state: string; th: string; en: string; count: number }

/**
 * "รอฉันดำเนินการ": above the manual list, the states that wait on this officer's roles (reviewers:
 * waiting for agency review; OPDC: waiting for OPDC; authors: returned for changes), each with its
 * count and a link that filters the list. Read access already limits each queue to what the
 * officer may see (their agency, or every agency for OPDC).
 */
export function WaitingForMe() {
  const { user } = useAuth()
  const [queues, setQueues] = useState<Queue[]>([])
  const [unread, setUnread] = useState(0)

  useEffect(() => {
    const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
    const states = Object.entries(WAITING_ON)
      .filter(([, who]) => who?.some((r) => roles.includes(r)))
      .map(([state]) => state)
    void Promise.all(
      states.map(async (state) => {
        const res = await fetch(`/api/manuals?draft=true&depth=0&limit=1&where[workflowState][equals]=${state}`, { credentials: 'include' })
        const body = res.ok ? await res.json() : { totalDocs: 0 }
        const s = WORKFLOW_STATES.find((x) => x.value === state)!
        return { state, th: s.th, en: s.en, count: body.totalDocs as number }
      }),
    ).then(setQueues)
    void fetch('/api/notifications?depth=0&limit=1&where[readAt][exists]=false', { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : { totalDocs: 0 }))
      .then((body) => setUnread(body.totalDocs))
  }, [user])

  if (!queues.length && !unread) return null
  return (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', margin: '0 0 16px' }}>
      <strong style={{ alignSelf: 'center' }}>รอฉันดำเนินการ (Waiting for me):</strong>
      {queues.map((q) => (
        <a key={q.state} className="btn btn--style-secondary btn--size-small" href={`/admin/collections/manuals?where[or][0][and][0][workflowState][equals]=${q.state}`}>
          {q.th} ({q.count})
        </a>
      ))}
      {unread ? (
        <a className="btn btn--style-secondary btn--size-small" href="/admin/collections/notifications?where[or][0][and][0][readAt][exists]=false">
          การแจ้งเตือนที่ยังไม่อ่าน ({unread})
        </a>
      ) : null}
    </div>
  )
}
