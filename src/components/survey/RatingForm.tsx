/*
 * The public rating form: plain HTML that works without JavaScript (a POST to the intake, which
 * redirects to the thank-you page), one fieldset per question with a legend, real radio inputs
 * inside their labels (keyboard: Tab to the group, arrows to choose), `required` so the browser
 * itself asks for a missing score.
 */
import React from 'react'

import type { RatingPageData } from '../../collections/SurveyResponses/ratingPage'
import { COMMENT_MAX_LENGTH, FORM_SCORE_PREFIX, HONEYPOT_FIELD, SCORE_LABELS } from '../../lib/surveyRules'

const ERRORS: Record<string, (retryAfter: number | null) => string> = {
  'rate-limited': (s) => `ส่งผลประเมินบ่อยเกินไป กรุณารอ ${s ?? 60} วินาทีแล้วกดส่งอีกครั้ง (Too many ratings from this network: wait ${s ?? 60} s and send again)`,
  invalid: () => 'กรุณาให้คะแนนให้ครบทุกข้อ (Please score every question)',
  'set-retired': () => 'แบบประเมินมีการปรับปรุง กรุณาตอบอีกครั้ง (The questions were updated: please answer again)',
  unavailable: () => 'จุดบริการนี้ปิดรับการประเมินแล้ว (This service point no longer takes ratings)',
  closed: () => 'ยังไม่เปิดรับการประเมิน (Ratings are not open yet)',
}

export function RatingForm({ data, submissionId, action = '/api/survey-responses' }: { data: RatingPageData; submissionId: string; action?: string }) {
  const { servicePoint, manual, questionSet, prefill, error } = data
  return (
    <>
      <h1>
        ประเมินความพึงพอใจ <span className="en" lang="en">Rate our service</span>
      </h1>
      <p className="sub">
        <strong>{servicePoint.name}</strong>
        {servicePoint.nameEn ? (
          <>
            {' '}
            <span className="en" lang="en">
              ({servicePoint.nameEn})
            </span>
          </>
        ) : null}
        <br />
        {servicePoint.agencyName}
        {manual ? (
          <>
            <br />
            งานบริการ: {manual.title}
          </>
        ) : null}
      </p>
      {error ? (
        <div className="alert" role="alert">
          {(ERRORS[error.code] ?? ERRORS.invalid)(error.retryAfter)}
        </div>
      ) : null}
      {!questionSet ? (
        <div className="card">
          <p>ยังไม่เปิดรับการประเมิน (Ratings are not open yet)</p>
        </div>
      ) : (
        <form method="post" action={action} acceptCharset="UTF-8">
          <input type="hidden" name="servicePoint" value={servicePoint.id} />
          <input type="hidden" name="questionSet" value={questionSet.id} />
          {manual ? <input type="hidden" name="manual" value={manual.id} /> : null}
          <input type="hidden" name="submissionId" value={submissionId} />
          <p className="note">
            ให้คะแนน 1 (น้อยที่สุด) ถึง 5 (มากที่สุด) ทุกข้อ <span lang="en">Score each question from 1 (lowest) to 5 (highest).</span>
          </p>
          {questionSet.questions.map((q, i) => (
            <fieldset className="question" key={q.key}>
              <legend>
                {i + 1}. {q.text}{' '}
                {q.textEn ? (
                  <span className="en" lang="en">
                    {q.textEn}
                  </span>
                ) : null}
              </legend>
              <div className="scale">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n}>
                    <input
                      type="radio"
                      name={`${FORM_SCORE_PREFIX}${q.key}`}
                      value={n}
                      required
                      defaultChecked={prefill.scores[q.key] === n}
                      aria-label={`${n} ${SCORE_LABELS[n].th} (${SCORE_LABELS[n].en})`}
                    />
                    <span className="n" aria-hidden="true">
                      {n}
                    </span>
                    <span aria-hidden="true">{SCORE_LABELS[n].th}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="card">
            <label className="label" htmlFor="comment">
              ข้อเสนอแนะเพิ่มเติม (ไม่บังคับ) <span className="en" lang="en">Comments (optional)</span>
            </label>
            <textarea id="comment" name="comment" maxLength={COMMENT_MAX_LENGTH} defaultValue={prefill.comment} />
            <p className="note">ไม่ต้องระบุชื่อหรือข้อมูลส่วนตัว (Please do not include your name or personal data.)</p>
          </div>
          <div className="hp" aria-hidden="true">
            <label htmlFor={HONEYPOT_FIELD}>เว้นว่างช่องนี้ (Leave this empty)</label>
            <input id={HONEYPOT_FIELD} type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button className="send" type="submit">
            ส่งผลประเมิน <span lang="en">Send</span>
          </button>
        </form>
      )}
    </>
  )
}
