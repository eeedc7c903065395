/*
 * Help in the admin: /admin/help (FAQ) and /admin/help/guidelines (แนวทางปฏิบัติ), both with the
 * user guide download and the support contact. Content comes from the `faqs` and `guidelines`
 * collections (public read), so system admins keep it current without a deploy.
 */
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminPage } from './AdminPage'

import { helpBlocks } from '../../lib/helpText'
import { SupportContact } from './SupportContact'

function Blocks({ body }: { body: string }) {
  return (
    <>
      {helpBlocks(body).map((b, i) =>
        b.kind === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{b.text}</p>
        ),
      )}
    </>
  )
}

function HelpLinks({ current }: { current: 'faq' | 'guidelines' }) {
  const style = (active: boolean) => ({ fontWeight: active ? 700 : 400 })
  return (
    <nav aria-label="Help" style={{ display: 'flex', gap: 16, flexWrap: 'wrap', margin: '8px 0 16px' }}>
      <a href="/admin/help/guidelines" style={style(current === 'guidelines')}>
        แนวทางปฏิบัติ (Guidelines)
      </a>
      <a href="/admin/help" style={style(current === 'faq')}>
        คำถามที่พบบ่อย (FAQ)
      </a>
      <a href="/officer-guide.pdf" download>
        คู่มือ: ดาวน์โหลด PDF (User guide)
      </a>
    </nav>
  )
}

async function HelpPage(view: AdminViewServerProps & { page: 'faq' | 'guidelines' }) {
  const { initPageResult, page } = view
  const { req } = initPageResult
  const common = { req, user: req.user ?? undefined, overrideAccess: false, depth: 0, pagination: false, limit: 0 } as const
  let content: React.ReactNode
  if (page === 'faq') {
    const { docs } = await req.payload.find({ collection: 'faqs', sort: 'order', ...common })
    const sections = new Map<string, typeof docs>()
    for (const doc of docs) sections.set(String(doc.section), [...(sections.get(String(doc.section)) ?? []), doc])
    content = [...sections].map(([section, faqs]) => (
      <section key={section}>
        <h2>{section}</h2>
        {faqs.map((f) => (
          <details key={f.id} className="officer-faq" style={{ margin: '8px 0' }}>
            <summary style={{ cursor: 'pointer', fontWeight: 600 }}>{String(f.question)}</summary>
            <Blocks body={String(f.answer)} />
          </details>
        ))}
      </section>
    ))
  } else {
    const { docs } = await req.payload.find({ collection: 'guidelines', sort: 'order', ...common })
    content = (
      <>
        <ol>
          {docs.map((g) => (
            <li key={g.id}>
              <a href={`#${g.slug}`}>{String(g.title)}</a>
            </li>
          ))}
        </ol>
        {docs.map((g) => (
          <section key={g.id} id={String(g.slug)}>
            <h2>{String(g.title)}</h2>
            <Blocks body={String(g.body)} />
          </section>
        ))}
      </>
    )
  }
  return (
    <AdminPage view={view}>
        <h1 style={{ marginTop: 24 }}>{page === 'faq' ? 'คำถามที่พบบ่อย' : 'แนวทางปฏิบัติ'}</h1>
        <HelpLinks current={page} />
        <SupportContact />
        {content}
    </AdminPage>
  )
}

export const FaqView = (props: AdminViewServerProps) => <HelpPage {...props} page="faq" />
export const GuidelinesView = (props: AdminViewServerProps) => <HelpPage {...props} page="guidelines" />
