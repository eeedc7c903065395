import config from '@payload-config'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { randomUUID } from 'node:crypto'
import { getPayload } from 'payload'
import React from 'react'

import { RatingForm } from '../../../../components/survey/RatingForm'
import { loadRatingPage } from '../../../../collections/SurveyResponses/ratingPage'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'ประเมินความพึงพอใจ (Rate our service)', robots: { index: false } }

type Props = { params: Promise<{ servicePointId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

/** /rate/<servicePointId>[?manual=<id>]: the page the service point's QR code and link open. */
export default async function RatePage({ params, searchParams }: Props) {
  const [{ servicePointId }, search] = await Promise.all([params, searchParams])
  const payload = await getPayload({ config })
  const data = await loadRatingPage(payload, servicePointId, search)
  if (!data) notFound()
  return <RatingForm data={data} submissionId={randomUUID()} />
}
