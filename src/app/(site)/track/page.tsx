import type { Metadata } from 'next'
import { headers } from 'next/headers'
import React from 'react'

import { trackDelay } from '../../../site/api'
import { formatDate, pick } from '../../../site/format'
import { STATE_LABELS } from '../../../site/labels'
import { currentLang } from '../../../site/lang'

export const metadata: Metadata = { title: 'ติดตามเรื่อง (Track an application)', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** /track?code=: the public status of a delayed application (s.10), from GET /api/delay-notices/track. */
export default async function TrackPage({ searchParams }: Props) {
  const [lang, raw] = await Promise.all([currentLang(), searchParams])
  const code = (Array.isArray(raw.code) ? raw.code[0] : raw.code)?.trim().slice(0, 40) ?? ''
  // The address the Express host trusted (a client cannot set this header), so the look-up limit counts per citizen.
  const clientIp = (await headers()).get('x-infogo-client-ip') || undefined
  const answer = code ? await trackDelay(code, clientIp) : null
  const limited = answer === 'rate-limited'
  const result = limited ? null : answer
  const date = (v: string | null | undefined) => (v ? formatDate(v, lang) : '–')

  return (
    <div className="wide">
      <h1>{pick(lang, 'ติดตามเรื่องที่พิจารณาล่าช้า', 'Track a delayed application')}</h1>
      <p className="sub">
        {pick(
          lang,
          'กรอกรหัสติดตามเรื่องที่ได้รับในหนังสือแจ้งเหตุแห่งความล่าช้า',
          'Enter the tracking code given in the delay notice you received',
        )}
      </p>
      <form className="card search-box" action="/track" method="get">
        <label className="label" htmlFor="track-code" style={{ flexBasis: '100%' }}>
          {pick(lang, 'รหัสติดตามเรื่อง (เช่น ABCDE-FGHJK)', 'Tracking code (e.g. ABCDE-FGHJK)')}
        </label>
        <input id="track-code" type="text" name="code" defaultValue={code} autoComplete="off" spellCheck={false} />
        <button className="primary" type="submit">
          {pick(lang, 'ตรวจสอบ', 'Check')}
        </button>
      </form>
      {limited ? (
        <p className="alert" role="alert">
          {pick(lang, 'มีการตรวจสอบถี่เกินไป กรุณารอสักครู่แล้วลองอีกครั้ง', 'Too many look-ups; please wait a minute and try again')}
        </p>
      ) : null}
      {code && !result && !limited ? (
        <p className="alert" role="alert">
          {pick(lang, 'ไม่พบเรื่องตามรหัสนี้ กรุณาตรวจสอบรหัสอีกครั้ง', 'No application has this code; please check it')}
        </p>
      ) : null}
      {result ? (
        <section className="card" aria-labelledby="track-result" role="status">
          <h2 id="track-result">
            {pick(lang, 'รหัส', 'Code')} {result.trackingCode}:{' '}
            <span className={`status status-${result.state}`}>
              {pick(lang, STATE_LABELS[result.state]?.th ?? result.state, STATE_LABELS[result.state]?.en)}
            </span>
          </h2>
          <dl className="facts">
            <dt>{pick(lang, 'กระบวนงาน', 'Process')}</dt>
            <dd>{result.process?.name ?? '–'}</dd>
            <dt>{pick(lang, 'หน่วยงาน', 'Agency')}</dt>
            <dd>
              {result.agency?.name ?? '–'}
              {result.servicePoint?.name ? ` · ${result.servicePoint.name}` : ''}
            </dd>
            <dt>{pick(lang, 'วันที่รับคำขอ', 'Received')}</dt>
            <dd>{date(result.receivedAt)}</dd>
            <dt>{pick(lang, 'ครบกำหนดตามคู่มือ', 'Due under the manual')}</dt>
            <dd>{date(result.dueAt)}</dd>
            <dt>{pick(lang, 'เหตุแห่งความล่าช้าที่แจ้งล่าสุด', 'Latest reason given')}</dt>
            <dd>{result.reasonGiven ?? '–'}</dd>
            <dt>{pick(lang, 'แจ้งครั้งล่าสุด', 'Last notice')}</dt>
            <dd>
              {date(result.lastNoticeAt)} ({pick(lang, `แจ้งแล้ว ${result.noticeCount ?? 0} ครั้ง`, `${result.noticeCount ?? 0} notices`)})
            </dd>
            <dt>{pick(lang, 'กำหนดแจ้งครั้งถัดไป', 'Next notice due')}</dt>
            <dd>{date(result.nextNoticeDueAt)}</dd>
            <dt>{pick(lang, 'คาดว่าจะพิจารณาแล้วเสร็จ', 'Expected decision')}</dt>
            <dd>{date(result.expectedDecisionAt)}</dd>
            {result.decidedAt ? (
              <>
                <dt>{pick(lang, 'พิจารณาแล้วเสร็จเมื่อ', 'Decided on')}</dt>
                <dd>{date(result.decidedAt)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
    </div>
  )
}
