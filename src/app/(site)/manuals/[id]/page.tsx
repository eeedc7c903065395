import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import { cookies } from 'next/headers'

import { WORKFLOW_STATES } from '../../../../lib/workflowStates'
import { type Agency, getManual, getManualPreview, getServicePointsByIds, idOf } from '../../../../site/api'
import {
  formatBaht,
  formatDuration,
  formatRevisionDate,
  governmentServiceJsonLd,
  jsonForScript,
  mapsLink,
  pick,
} from '../../../../site/format'
import { HoursTable } from '../../../../site/Hours'
import { currentLang } from '../../../../site/lang'

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ preview?: string }> }

const stateLabel = (state: string | undefined, lang: string) => {
  const known = WORKFLOW_STATES.find((s) => s.value === state)
  return known ? `${pick(lang as never, known.th, known.en)} (${state})` : String(state ?? '')
}

/** `?preview=1` with an officer's admin session shows the revision in progress (live preview). */
async function loadManual(id: string, preview: boolean) {
  const token = preview ? (await cookies()).get('payload-token')?.value : undefined
  return token ? { manual: await getManualPreview(id, token), preview: true } : { manual: await getManual(id), preview: false }
}

const siteUrl = () => (process.env.PUBLIC_SITE_URL || 'http://localhost:3000').replace(/\/+$/, '')

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const manual = await getManual((await params).id)
  return manual ? { title: manual.title, alternates: { canonical: `${siteUrl()}/manuals/${manual.id}` } } : { title: 'ไม่พบคู่มือ (Not found)' }
}

type LexicalState = React.ComponentProps<typeof RichText>['data']
const isLexical = (value: unknown): value is LexicalState =>
  !!value && typeof value === 'object' && 'root' in (value as Record<string, unknown>)

/** /manuals/<id>: the published revision of a citizen manual, as the Act requires it to be shown. */
export default async function ManualPage({ params, searchParams }: Props) {
  const [{ id }, lang, query] = await Promise.all([params, currentLang(), searchParams])
  const { manual, preview } = await loadManual(id, query?.preview === '1')
  if (!manual) notFound()
  const inProgress = preview && (manual as { workflowState?: string }).workflowState !== 'published'

  const agency = typeof manual.agency === 'object' ? (manual.agency as Agency) : null
  const pointIds = (manual.servicePoints?.docs ?? []).map(idOf).filter((x) => x !== undefined)
  const points = (await getServicePointsByIds(pointIds)).docs
  const revisedAt = manual.publishedAt ?? manual.updatedAt ?? null
  const jsonLd = governmentServiceJsonLd({
    id: manual.id,
    title: manual.title,
    agencyName: agency?.name,
    url: `${siteUrl()}/manuals/${manual.id}`,
    fees: manual.fees,
    noFee: manual.noFee,
    revisedAt,
    servicePoints: points.map((p) => ({ name: p.name, address: p.address, phone: p.phone, lat: p.location?.lat, lng: p.location?.lng })),
  })
  const steps = manual.steps ?? []
  const fees = manual.fees ?? []

  return (
    <article className="wide manual">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
      {inProgress ? (
        <p className="preview-banner" role="status">
          {pick(lang, 'ตัวอย่างฉบับที่ยังไม่เผยแพร่ (Revision ', 'Preview of an unpublished revision (revision ')}
          {(manual as { revision?: number }).revision}) · {stateLabel((manual as { workflowState?: string }).workflowState, lang)}
        </p>
      ) : null}
      <p className="meta">{pick(lang, 'คู่มือสำหรับประชาชน', 'Citizen manual')}</p>
      <h1 lang="th">{manual.title}</h1>
      <dl className="facts card">
        {agency ? (
          <>
            <dt>{pick(lang, 'หน่วยงาน', 'Agency')}</dt>
            <dd>
              <Link href={`/agencies/${agency.id}`}>{agency.name}</Link>
              {lang === 'en' && agency.nameEn ? <span lang="en"> ({agency.nameEn})</span> : null}
            </dd>
          </>
        ) : null}
        <dt>{pick(lang, 'ฉบับแก้ไขครั้งที่', 'Revision')}</dt>
        <dd>{manual.revision ?? 1}</dd>
        <dt>{pick(lang, 'วันที่เผยแพร่', 'Published')}</dt>
        <dd>
          <time dateTime={revisedAt ?? undefined}>{formatRevisionDate(revisedAt, lang)}</time>
        </dd>
        {manual.totalDuration ? (
          <>
            <dt>{pick(lang, 'ระยะเวลาดำเนินการรวม', 'Total time')}</dt>
            <dd className="time">{formatDuration(manual.totalDuration, manual.totalDurationUnit, lang)}</dd>
          </>
        ) : null}
      </dl>

      {isLexical(manual.conditions) ? (
        <section className="card" aria-labelledby="m-conditions">
          <h2 id="m-conditions">{pick(lang, 'หลักเกณฑ์ วิธีการ และเงื่อนไข', 'Criteria, method and conditions')}</h2>
          <div lang="th">
            <RichText data={manual.conditions} />
          </div>
        </section>
      ) : null}

      {manual.serviceChannels?.length ? (
        <section className="card" aria-labelledby="m-channels">
          <h2 id="m-channels">{pick(lang, 'ช่องทางการให้บริการ', 'Where to apply')}</h2>
          <ul>
            {manual.serviceChannels.map((c, i) => (
              <li key={i}>
                {c.place}
                {c.hours ? <div className="meta">{c.hours}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {steps.length ? (
        <section className="card" aria-labelledby="m-steps">
          <h2 id="m-steps">{pick(lang, 'ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ', 'Steps, times and responsible units')}</h2>
          <ol className="steps">
            {steps.map((s, i) => (
              <li key={i}>
                <strong>{s.title}</strong> — <span className="time">{formatDuration(s.duration, s.durationUnit, lang)}</span>
                {s.description ? <div>{s.description}</div> : null}
                {s.responsibleUnit ? (
                  <div className="meta">
                    {pick(lang, 'ผู้รับผิดชอบ', 'Responsible')}: {s.responsibleUnit}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          <p>
            <strong>{pick(lang, 'ระยะเวลาดำเนินการรวม', 'Total time')}:</strong>{' '}
            <span className="time">{formatDuration(manual.totalDuration, manual.totalDurationUnit, lang)}</span>
          </p>
        </section>
      ) : null}

      {manual.documents?.length ? (
        <section className="card" aria-labelledby="m-documents">
          <h2 id="m-documents">{pick(lang, 'รายการเอกสารหลักฐานประกอบ', 'Documents to bring')}</h2>
          <div className="table-wrap" role="region" aria-label={pick(lang, 'ตารางรายการเอกสาร', 'Table of documents')} tabIndex={0}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{pick(lang, 'เอกสาร', 'Document')}</th>
                  <th scope="col">{pick(lang, 'หน่วยงานผู้ออกเอกสาร', 'Issued by')}</th>
                  <th scope="col" className="num">{pick(lang, 'ฉบับจริง', 'Originals')}</th>
                  <th scope="col" className="num">{pick(lang, 'สำเนา', 'Copies')}</th>
                  <th scope="col">{pick(lang, 'หมายเหตุ', 'Note')}</th>
                </tr>
              </thead>
              <tbody>
                {manual.documents.map((d, i) => (
                  <tr key={i}>
                    <td>{d.name}</td>
                    <td>{d.issuingAgency ?? ''}</td>
                    <td className="num">{d.originals ?? 0}</td>
                    <td className="num">{d.copies ?? 0}</td>
                    <td>{d.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby="m-fees">
        <h2 id="m-fees">{pick(lang, 'ค่าธรรมเนียม', 'Fees')}</h2>
        {manual.noFee || fees.length === 0 ? (
          <p>{pick(lang, 'ไม่มีค่าธรรมเนียม', 'No fee')}</p>
        ) : (
          <ul>
            {fees.map((f, i) => (
              <li key={i}>
                {f.description}: <strong>{formatBaht(f.amount, lang)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      {manual.complaintChannels?.length ? (
        <section className="card" aria-labelledby="m-complaints">
          <h2 id="m-complaints">{pick(lang, 'ช่องทางการร้องเรียน', 'Complaints')}</h2>
          <ul>
            {manual.complaintChannels.map((c, i) => (
              <li key={i}>
                {c.channel}
                {c.contact ? <div className="meta">{c.contact}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {manual.forms?.length ? (
        <section className="card" aria-labelledby="m-forms">
          <h2 id="m-forms">{pick(lang, 'แบบฟอร์ม ตัวอย่าง และคู่มือการกรอก', 'Forms to download')}</h2>
          <ul>
            {manual.forms.map((f, i) => {
              const file = typeof f.file === 'object' && f.file ? f.file : null
              return (
                <li key={i}>
                  {file?.url ? (
                    <a className="print-url" href={file.url} download>
                      {f.title}
                    </a>
                  ) : (
                    f.title
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}

      {manual.legalBasis?.length ? (
        <section className="card" aria-labelledby="m-law">
          <h2 id="m-law">{pick(lang, 'กฎหมายที่ให้อำนาจการอนุญาต หรือที่เกี่ยวข้อง', 'Legal basis')}</h2>
          <ul>
            {manual.legalBasis.map((l, i) => (
              <li key={i}>{l.title}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="m-points">
        <h2 id="m-points">{pick(lang, 'จุดบริการ', 'Service points')}</h2>
        {points.length === 0 ? <p>{pick(lang, 'ยังไม่มีจุดบริการที่ระบุ', 'No service point listed yet')}</p> : null}
        {points.map((p) => {
          const map = mapsLink(p.location)
          const pin = (p.pinDetails ?? []).find((d) => String(idOf(d.manual)) === String(manual.id))
          return (
            <div key={p.id} className="point" style={{ marginBottom: '1rem' }}>
              <h3 style={{ fontSize: '1.05rem', margin: '0.5rem 0 0.25rem' }}>
                <Link href={`/service-points/${p.id}`}>{p.name}</Link>
              </h3>
              {p.address ? <div>{p.address}</div> : null}
              {pin?.hours ? (
                <div>
                  {pick(lang, 'วันเวลาให้บริการคู่มือนี้', 'Hours for this service')}: {pin.hours}
                </div>
              ) : null}
              {(pin?.phone ?? p.phone) ? (
                <div>
                  {pick(lang, 'โทร', 'Phone')}: <a href={`tel:${(pin?.phone ?? p.phone)!.replace(/[^0-9+]/g, '')}`}>{pin?.phone ?? p.phone}</a>
                </div>
              ) : null}
              {pin?.feeNote ? <div className="meta">{pin.feeNote}</div> : null}
              <HoursTable hours={p.openingHours} lang={lang} />
              <p className="actions">
                {map ? (
                  <a href={map} rel="noopener" target="_blank">
                    {pick(lang, `แผนที่ ${p.name} (Google Maps, เปิดหน้าต่างใหม่)`, `Map of ${p.name} (Google Maps, opens a new window)`)}
                  </a>
                ) : null}
                <Link href={`/rate/${p.id}?manual=${manual.id}`}>{pick(lang, 'ประเมินความพึงพอใจ', 'Rate this service')}</Link>
              </p>
            </div>
          )
        })}
      </section>

      {manual.remarks ? (
        <section className="card" aria-labelledby="m-remarks">
          <h2 id="m-remarks">{pick(lang, 'หมายเหตุ', 'Remarks')}</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{manual.remarks}</p>
        </section>
      ) : null}
    </article>
  )
}
