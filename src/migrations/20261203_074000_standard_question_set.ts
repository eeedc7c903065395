import { randomBytes } from 'node:crypto'

import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

import { STANDARD_QUESTION_SET } from '../data/standardQuestionSet'
import { CONTENT_CHANNEL } from '../services/publicContent'
import { SNAPSHOT_SCHEMA } from '../services/publicSnapshots'

/**
 * Data only: OPDC's standard satisfaction questions as the active version 1, so that a new
 * installation accepts ratings from its first day (without a set the intake answers 503).
 *
 * - No schema change, so no JSON snapshot beside it: `migrate:create` diffs against the newest
 *   `.json` in this folder, which stays the last schema migration's.
 * - Plain SQL against the tables as they are at this point of the sequence: a Local API call would
 *   write the collection as it is in some later release, whose columns may not exist yet here.
 * - Runs in the migration's transaction (`db` is its session). What Payload's hooks would have done
 *   is done here: `version` 1, `activatedAt` now, the public read model of the collection marked
 *   stale (src/services/publicSnapshots: rebuilt at start, Payload answers meanwhile) and the
 *   change notice sent on commit (src/services/publicContent.ts: every instance's cache forgets).
 */

async function refreshPublicReads(db: MigrateUpArgs['db']): Promise<void> {
  // The read model's tables exist once a server has started on this database.
  await db.execute(
    sql.raw(`DO $$ BEGIN
      IF to_regclass('"${SNAPSHOT_SCHEMA}"."public_snapshot_state"') IS NOT NULL THEN
        DELETE FROM "${SNAPSHOT_SCHEMA}"."public_snapshot_state" WHERE "collection" = 'survey-question-sets';
      END IF;
    END $$`),
  )
  await db.execute(sql`SELECT pg_notify(${CONTENT_CHANNEL}, '')`)
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // An installation that has any set (even retired ones) already chose its questions.
  const existing = await db.execute(sql`SELECT 1 FROM "survey_question_sets" LIMIT 1`)
  if (existing.rows.length > 0) return
  const inserted = await db.execute(sql`
    INSERT INTO "survey_question_sets" ("version", "title", "active", "activated_at", "retired_at")
    VALUES (1, ${STANDARD_QUESTION_SET.title}, true, now(), NULL)
    RETURNING "id"`)
  const setId = Number(inserted.rows[0].id)
  for (const [index, question] of STANDARD_QUESTION_SET.questions.entries()) {
    // Array rows: Payload numbers them from 1 and gives each a 24-hex-digit id.
    await db.execute(sql`
      INSERT INTO "survey_question_sets_questions" ("_order", "_parent_id", "id", "key", "text", "text_en")
      VALUES (${index + 1}, ${setId}, ${randomBytes(12).toString('hex')}, ${question.key}, ${question.text}, ${question.textEn})`)
  }
  await refreshPublicReads(db)
}

/** Removes the standard version 1 unless ratings answered it (they keep pointing at their set). */
export async function down({ db }: MigrateDownArgs): Promise<void> {
  // Its questions go with it (foreign key ON DELETE CASCADE).
  await db.execute(sql`
    DELETE FROM "survey_question_sets" s
    WHERE s."version" = 1 AND s."title" = ${STANDARD_QUESTION_SET.title}
      AND NOT EXISTS (SELECT 1 FROM "survey_responses" r WHERE r."question_set_id" = s."id")`)
  await refreshPublicReads(db)
}
