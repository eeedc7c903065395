import type { Metadata } from 'next'
import Link from 'next/link'
import React from 'react'

import { listServiceAgencies, listTags } from '../../site/api'
import { pick } from '../../site/format'
import { currentLang } from '../../site/lang'

export const metadata: Metadata = { title: 'ศูนย์ข้อมูลการติดต่อราชการ (info.go.th)' }

/** Home: the search box, service categories and the agencies. */
export default async function HomePage() {
  const lang = await currentLang()
  const [tags, agencies] = await Promise.all([listTags(), listServiceAgencies()])
  const categories = tags.docs.filter((t) => t.type === 'service-category' && !t.parent)
  return (
    <div className="wide">
      <h1>{pick(lang, 'ค้นหาข้อมูลการติดต่อราชการ', 'Find how to contact a government agency')}</h1>
      <p className="sub">
        {pick(
          lang,
          'คู่มือสำหรับประชาชน ขั้นตอน เอกสาร ค่าธรรมเนียม และจุดบริการของหน่วยงานของรัฐ',
          'Citizen manuals: steps, documents, fees and the service points of government agencies',
        )}
      </p>
        <form className="card search-box" action="/search" method="get" role="search">
          <label className="label" htmlFor="home-q" style={{ flexBasis: '100%' }}>
            {pick(lang, 'คำค้น เช่น แจ้งเกิด จดทะเบียนบริษัท', 'Search, e.g. birth registration')}
          </label>
          <input id="home-q" type="search" name="q" autoComplete="off" />
          <button className="primary" type="submit">
            {pick(lang, 'ค้นหา', 'Search')}
          </button>
        </form>
      {categories.length ? (
        <section className="card" aria-labelledby="home-categories">
          <h2 id="home-categories">{pick(lang, 'หมวดหมู่บริการ', 'Service categories')}</h2>
          <ul>
            {categories.map((t) => (
              <li key={t.id}>
                <Link href={`/search?tag=${t.id}`}>{pick(lang, t.name, t.nameEn)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {agencies.docs.length ? (
        <section className="card" aria-labelledby="home-agencies">
          <h2 id="home-agencies">{pick(lang, 'หน่วยงาน', 'Agencies')}</h2>
          <ul>
            {agencies.docs.map((a) => (
              <li key={a.id}>
                <Link href={`/agencies/${a.id}`}>{pick(lang, a.name, a.nameEn)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
