import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import { type Agency, getServicePoint, idOf, listOtherServicesOfAgency, type ManualSummary } from '../../../../site/api'
import { mapsLink, pick } from '../../../../site/format'
import { HoursTable } from '../../../../site/Hours'
import { currentLang } from '../../../../site/lang'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const point = await getServicePoint((await params).id)
  return { title: point ? point.name : 'ไม่พบจุดบริการ (Not found)' }
}

/** /service-points/<id>: where it is, when it is open, how to reach it, what it offers, and the rating link. */
export default async function ServicePointPage({ params }: Props) {
  const [{ id }, lang] = await Promise.all([params, currentLang()])
  const point = await getServicePoint(id)
  if (!point) notFound()
  const agency = typeof point.agency === 'object' && point.agency ? (point.agency as Agency) : null
  const agencyId = idOf(point.agency)
  const services = agencyId !== undefined ? (await listOtherServicesOfAgency(agencyId)).docs : []
  const manuals = (point.manuals ?? []).filter((m): m is ManualSummary => !!m && typeof m === 'object')
  const map = mapsLink(point.location)

  return (
    <div className="wide">
      <h1>
        {point.name}
        {point.nameEn ? (
          <span className="en" lang="en">
            {' '}
            {point.nameEn}
          </span>
        ) : null}
      </h1>
      <p className="actions">
        <Link className="button-link" href={`/rate/${point.id}`}>
          {pick(lang, 'ประเมินความพึงพอใจจุดบริการนี้', 'Rate this service point')}
        </Link>
      </p>
      <section className="card" aria-labelledby="sp-contact">
        <h2 id="sp-contact">{pick(lang, 'ที่ตั้งและการติดต่อ', 'Address and contact')}</h2>
        <dl className="facts">
          {agency ? (
            <>
              <dt>{pick(lang, 'หน่วยงาน', 'Agency')}</dt>
              <dd>
                <Link href={`/agencies/${agency.id}`}>{pick(lang, agency.name, agency.nameEn)}</Link>
              </dd>
            </>
          ) : null}
          {point.address ? (
            <>
              <dt>{pick(lang, 'ที่อยู่', 'Address')}</dt>
              <dd>
                {point.address}
                {point.postcode ? ` ${point.postcode}` : ''}
              </dd>
            </>
          ) : null}
          {point.phone ? (
            <>
              <dt>{pick(lang, 'โทรศัพท์', 'Phone')}</dt>
              <dd>
                <a href={`tel:${point.phone.replace(/[^0-9+]/g, '')}`}>{point.phone}</a>
              </dd>
            </>
          ) : null}
          {point.email ? (
            <>
              <dt>{pick(lang, 'อีเมล', 'Email')}</dt>
              <dd>
                <a href={`mailto:${point.email}`}>{point.email}</a>
              </dd>
            </>
          ) : null}
        </dl>
        {map ? (
          <p>
            <a href={map} rel="noopener" target="_blank">
              {pick(lang, 'ดูแผนที่ใน Google Maps (เปิดหน้าต่างใหม่)', 'Open in Google Maps (new window)')}
            </a>
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="sp-hours">
        <h2 id="sp-hours">{pick(lang, 'เวลาทำการ', 'Opening hours')}</h2>
        <HoursTable hours={point.openingHours} lang={lang} />
      </section>
      <section className="card" aria-labelledby="sp-manuals">
        <h2 id="sp-manuals">{pick(lang, 'บริการตามคู่มือสำหรับประชาชน', 'Services (citizen manuals)')}</h2>
        {manuals.length ? (
          <ul>
            {manuals.map((m) => {
              const pin = (point.pinDetails ?? []).find((d) => String(idOf(d.manual)) === String(m.id))
              return (
                <li key={m.id}>
                  <Link href={`/manuals/${m.id}`}>{m.title}</Link>
                  {pin?.hours ? <div className="meta">{pin.hours}</div> : null}
                  {pin?.feeNote ? <div className="meta">{pin.feeNote}</div> : null}
                </li>
              )
            })}
          </ul>
        ) : (
          <p>{pick(lang, 'ยังไม่มีคู่มือที่ให้บริการ ณ จุดนี้', 'No manual listed at this point yet')}</p>
        )}
      </section>
      {services.length ? (
        <section className="card" aria-labelledby="sp-services">
          <h2 id="sp-services">{pick(lang, 'บริการอื่น ๆ ของหน่วยงาน', 'Other services of the agency')}</h2>
          <ul>
            {services.map((s) => (
              <li key={s.id}>
                <Link href={`/agencies/${agencyId}#other-service-${s.id}`}>{s.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
