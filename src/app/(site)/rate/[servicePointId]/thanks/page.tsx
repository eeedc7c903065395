import type { Metadata } from 'next'
import Link from 'next/link'
import React from 'react'

export const metadata: Metadata = { title: 'ขอบคุณ (Thank you)', robots: { index: false } }

type Props = { params: Promise<{ servicePointId: string }> }

/** Where the rating form lands after a rating is stored (the intake answers 303 here). */
export default async function ThanksPage({ params }: Props) {
  const { servicePointId } = await params
  const id = /^[1-9][0-9]{0,9}$/.test(servicePointId) ? servicePointId : ''
  return (
    <div className="card" role="status">
      <h1>
        ขอบคุณสำหรับการประเมิน <span className="en" lang="en">Thank you for your rating</span>
      </h1>
      <p>ความคิดเห็นของท่านช่วยให้หน่วยงานปรับปรุงการให้บริการ</p>
      <p className="en" lang="en">
        Your answers help the agency improve its service.
      </p>
      {id ? (
        <p>
          <Link href={`/rate/${id}`}>ประเมินอีกครั้ง (ผู้รับบริการท่านถัดไป) · Rate again (next citizen)</Link>
        </p>
      ) : null}
    </div>
  )
}
