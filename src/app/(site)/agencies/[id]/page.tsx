import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import { type Agency, getAgency, listManualsOfAgency, listOtherServicesOfAgency, listServicePointsOfAgency } from '../../../../site/api'
import { formatRevisionDate, pick } from '../../../../site/format'
import { currentLang } from '../../../../site/lang'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const agency = await getAgency((await params).id)
  return { title: agency ? agency.name : 'ไม่พบหน่วยงาน (Not found)' }
}

/** /agencies/<id>: an agency's contacts, citizen manuals, other services and service points. */
export default async function AgencyPage({ params }: Props) {
  const [{ id }, lang] = await Promise.all([params, currentLang()])
  const agency = await getAgency(id)
  if (!agency) notFound()
  const [manuals, services, points] = await Promise.all([
    listManualsOfAgency(agency.id),
    listOtherServicesOfAgency(agency.id),
    listServicePointsOfAgency(agency.id),
  ])
  const parent = typeof agency.parent === 'object' && agency.parent ? (agency.parent as Agency) : null

  return (
    <div className="wide">
      <h1>
        {agency.name}
        {agency.nameEn ? (
          <span className="en" lang="en">
            {' '}
            {agency.nameEn}
          </span>
        ) : null}
      </h1>
      <dl className="facts card">
        {parent ? (
          <>
            <dt>{pick(lang, 'สังกัด', 'Part of')}</dt>
            <dd>
              <Link href={`/agencies/${parent.id}`}>{pick(lang, parent.name, parent.nameEn)}</Link>
            </dd>
          </>
        ) : null}
        {agency.address ? (
          <>
            <dt>{pick(lang, 'ที่อยู่', 'Address')}</dt>
            <dd>{agency.address}</dd>
          </>
        ) : null}
        {agency.phone ? (
          <>
            <dt>{pick(lang, 'โทรศัพท์', 'Phone')}</dt>
            <dd>
              <a href={`tel:${agency.phone.replace(/[^0-9+]/g, '')}`}>{agency.phone}</a>
            </dd>
          </>
        ) : null}
        {agency.email ? (
          <>
            <dt>{pick(lang, 'อีเมล', 'Email')}</dt>
            <dd>
              <a href={`mailto:${agency.email}`}>{agency.email}</a>
            </dd>
          </>
        ) : null}
        {agency.website ? (
          <>
            <dt>{pick(lang, 'เว็บไซต์', 'Website')}</dt>
            <dd>
              <a href={agency.website} rel="noopener">
                {agency.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>

      <section className="card" aria-labelledby="a-manuals">
        <h2 id="a-manuals">
          {pick(lang, 'คู่มือสำหรับประชาชน', 'Citizen manuals')} ({manuals.totalDocs})
        </h2>
        {manuals.docs.length ? (
          <ul>
            {manuals.docs.map((m) => (
              <li key={m.id}>
                <Link href={`/manuals/${m.id}`}>{m.title}</Link>{' '}
                <span className="meta">{formatRevisionDate(m.publishedAt, lang)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{pick(lang, 'ยังไม่มีคู่มือที่เผยแพร่', 'No published manual yet')}</p>
        )}
      </section>

      {services.docs.length ? (
        <section className="card" aria-labelledby="a-services">
          <h2 id="a-services">{pick(lang, 'บริการอื่น ๆ', 'Other services')}</h2>
          {services.docs.map((s) => (
            <div key={s.id} id={`other-service-${s.id}`}>
              <h3 style={{ fontSize: '1.05rem', margin: '0.5rem 0 0.25rem' }}>{s.title}</h3>
              {s.description ? <p style={{ whiteSpace: 'pre-line', margin: 0 }}>{s.description}</p> : null}
              {s.channels?.length ? (
                <ul>
                  {s.channels.map((c, i) => (
                    <li key={i}>
                      {c.place}
                      {c.hours ? <span className="meta"> · {c.hours}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {s.contact ? (
                <p className="meta">
                  {pick(lang, 'ติดต่อสอบถาม', 'Contact')}: {s.contact}
                </p>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}

      {points.docs.length ? (
        <section className="card" aria-labelledby="a-points">
          <h2 id="a-points">{pick(lang, 'จุดบริการ', 'Service points')}</h2>
          <ul>
            {points.docs.map((p) => (
              <li key={p.id}>
                <Link href={`/service-points/${p.id}`}>{pick(lang, p.name, p.nameEn)}</Link>
                {p.province ? <span className="meta"> · {p.province}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
