import type { Metadata } from 'next'
import Link from 'next/link'
import React from 'react'

import { PROVINCE_NAMES } from '../../../lib/geography'
import { isId, listServiceAgencies, listTags, searchSite, type SearchType } from '../../../site/api'
import { pageParam, pageWindow, pick, queryString } from '../../../site/format'
import { hitHref, TYPE_LABELS } from '../../../site/labels'
import { currentLang } from '../../../site/lang'

export const metadata: Metadata = { title: 'ค้นหา (Search)' }

const PAGE_SIZE = 10
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? ''

/** /search?q=&type=&agency=&province=&tag=&page= — results of GET /api/site-search with filters and paging. */
export default async function SearchPage({ searchParams }: Props) {
  const [lang, raw] = await Promise.all([currentLang(), searchParams])
  // Unknown filter values are dropped here rather than sent on as a 400 from the API.
  const q = one(raw.q).slice(0, 200)
  const type = (Object.keys(TYPE_LABELS) as SearchType[]).find((t) => t === one(raw.type)) ?? ''
  const agency = isId(one(raw.agency)) ? one(raw.agency) : ''
  const province = PROVINCE_NAMES.includes(one(raw.province)) ? one(raw.province) : ''
  const tag = isId(one(raw.tag)) ? one(raw.tag) : ''
  const page = pageParam(one(raw.page))

  const [result, agencies, tags] = await Promise.all([
    searchSite({ q, type, agency, province, tag, page, limit: PAGE_SIZE }),
    listServiceAgencies(),
    listTags(),
  ])
  const docs = result?.docs ?? []
  const total = result?.totalDocs ?? 0
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const filters = { q, type, agency, province, tag }
  const first = total ? (page - 1) * PAGE_SIZE + 1 : 0
  const last = Math.min(total, page * PAGE_SIZE)

  return (
    <div className="wide">
      <h1>{pick(lang, 'ค้นหาบริการ', 'Find a service')}</h1>
      <form className="card" action="/search" method="get" role="search" aria-label={pick(lang, 'ค้นหาและกรอง', 'Search and filter')}>
        <div className="search-box">
          <label className="label" htmlFor="search-q" style={{ flexBasis: '100%' }}>
            {pick(lang, 'คำค้น', 'Search words')}
          </label>
          <input id="search-q" type="search" name="q" defaultValue={q} autoComplete="off" />
          <button className="primary" type="submit">
            {pick(lang, 'ค้นหา', 'Search')}
          </button>
        </div>
        <fieldset className="filters" style={{ border: 0, padding: 0, margin: '0.75rem 0 0' }}>
          <legend className="label">{pick(lang, 'กรองผลการค้นหา', 'Filters')}</legend>
          <div>
            <label htmlFor="f-type">{pick(lang, 'ประเภท', 'Type')}</label>
            <select id="f-type" name="type" defaultValue={type}>
              <option value="">{pick(lang, 'ทุกประเภท', 'All types')}</option>
              {(Object.entries(TYPE_LABELS) as [SearchType, { th: string; en: string }][]).map(([value, l]) => (
                <option key={value} value={value}>
                  {pick(lang, l.th, l.en)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-agency">{pick(lang, 'หน่วยงาน', 'Agency')}</label>
            <select id="f-agency" name="agency" defaultValue={agency}>
              <option value="">{pick(lang, 'ทุกหน่วยงาน', 'All agencies')}</option>
              {agencies.docs.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {pick(lang, a.name, a.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-province">{pick(lang, 'จังหวัด', 'Province')}</label>
            <select id="f-province" name="province" defaultValue={province}>
              <option value="">{pick(lang, 'ทุกจังหวัด', 'All provinces')}</option>
              {[...PROVINCE_NAMES].sort((a, b) => a.localeCompare(b, 'th')).map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-tag">{pick(lang, 'หมวดหมู่ / แท็ก', 'Category / tag')}</label>
            <select id="f-tag" name="tag" defaultValue={tag}>
              <option value="">{pick(lang, 'ทั้งหมด', 'All')}</option>
              {tags.docs.map((t) => (
                <option key={t.id} value={String(t.id)}>
                  {pick(lang, t.name, t.nameEn)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      </form>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" aria-live="polite">
          {total
            ? pick(lang, `ผลการค้นหา ${first}–${last} จาก ${total} รายการ`, `Results ${first}–${last} of ${total}`)
            : pick(lang, 'ไม่พบรายการที่ตรงกับการค้นหา', 'Nothing matches your search')}
        </h2>
        <ol className="results" start={first || undefined}>
          {docs.map((hit) => (
            <li key={`${hit.type}-${hit.id}`}>
              <span className="kind">{pick(lang, TYPE_LABELS[hit.type]?.th ?? hit.type, TYPE_LABELS[hit.type]?.en)}</span>
              <Link href={hitHref(hit)}>{hit.title}</Link>
              {hit.agency && hit.type !== 'agency' ? <div className="meta">{hit.agency.name}</div> : null}
              {hit.snippet ? <p className="meta">{hit.snippet}</p> : null}
            </li>
          ))}
        </ol>
        {totalPages > 1 ? (
          <nav className="pager" aria-label={pick(lang, 'หน้าผลการค้นหา', 'Result pages')}>
            <ul>
              {page > 1 ? (
                <li>
                  <Link href={`/search${queryString({ ...filters, page: page - 1 })}`} rel="prev">
                    {pick(lang, '‹ ก่อนหน้า', '‹ Previous')}
                  </Link>
                </li>
              ) : null}
              {pageWindow(page, totalPages).map((p) => (
                <li key={p}>
                  {p === page ? (
                    <span aria-current="page">{p}</span>
                  ) : (
                    <Link href={`/search${queryString({ ...filters, page: p })}`} aria-label={pick(lang, `หน้า ${p}`, `Page ${p}`)}>
                      {p}
                    </Link>
                  )}
                </li>
              ))}
              {page < totalPages ? (
                <li>
                  <Link href={`/search${queryString({ ...filters, page: page + 1 })}`} rel="next">
                    {pick(lang, 'ถัดไป ›', 'Next ›')}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </div>
  )
}
