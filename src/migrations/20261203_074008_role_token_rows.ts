import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { encryptRoleTokenCode, generateRoleTokenCode, hashRoleTokenCode, roleTokenExpiry, roleTokenTtlDays } from '../lib/roleTokenCode'

/**
 * Role tokens as the officer FAQ has them (จัดการ Token): one row per agency (service point) and
 * role, made by the system. Adds the unique `slot` that says so, gives the existing rows theirs,
 * and creates the rows the agencies and service points of an older database lack.
 *
 * Safe to run again (IF NOT EXISTS, ON CONFLICT): every statement leaves what is already there.
 * The roles per agency kind are written out here, as they were when this migration was made
 * (src/lib/roleTokenSlots.ts may change later; a later migration would then add rows).
 */
export async function up({ db, payload }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "role_tokens" ADD COLUMN IF NOT EXISTS "slot" varchar;
    CREATE UNIQUE INDEX IF NOT EXISTS "role_tokens_slot_idx" ON "role_tokens" USING btree ("slot");`)

  // Rows whose agency or service point is gone cannot bind anybody to anything.
  await db.execute(sql`
    DELETE FROM "role_tokens" WHERE "agency_id" IS NULL OR ("role" = 'service-point-officer' AND "service_point_id" IS NULL);`)
  // A service point's token sits in the point's agency.
  await db.execute(sql`
    UPDATE "role_tokens" t SET "agency_id" = sp."agency_id"
    FROM "service_points" sp
    WHERE t."role" = 'service-point-officer' AND sp."id" = t."service_point_id" AND sp."agency_id" IS NOT NULL AND t."agency_id" <> sp."agency_id";`)
  // The existing rows take their slot; of two for one slot (made before the rule), the one that
  // has it already, else the newer, stays.
  await db.execute(sql`
    WITH slotted AS (
      SELECT "id", row_number() OVER (
          PARTITION BY COALESCE("slot", CASE WHEN "role" = 'service-point-officer' THEN 'service-point:' || "service_point_id" ELSE 'agency:' || "agency_id" || ':' || "role" END)
          ORDER BY ("slot" IS NOT NULL) DESC, "created_at" DESC, "id" DESC) AS "rank"
      FROM "role_tokens"
    )
    DELETE FROM "role_tokens" t USING slotted s WHERE t."id" = s."id" AND s."rank" > 1;`)
  await db.execute(sql`
    UPDATE "role_tokens" SET "slot" = CASE WHEN "role" = 'service-point-officer' THEN 'service-point:' || "service_point_id" ELSE 'agency:' || "agency_id" || ':' || "role" END
    WHERE "slot" IS NULL;`)

  // The missing rows: central officer, manual author and reviewer of every department and local
  // government (ministries hold none), and the service-point officer of every service point.
  const missing = await db.execute(sql`
    WITH wanted AS (
      SELECT 'agency:' || a."id" || ':' || r."role" AS "slot", a."id" AS "agency_id", NULL::int AS "service_point_id", r."role"
      FROM "agencies" a CROSS JOIN (VALUES ('central-officer'), ('manual-author'), ('manual-reviewer')) AS r("role")
      WHERE a."kind" IN ('department', 'local-government')
      UNION ALL
      SELECT 'service-point:' || sp."id", sp."agency_id", sp."id", 'service-point-officer'
      FROM "service_points" sp WHERE sp."agency_id" IS NOT NULL
    )
    SELECT w.* FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM "role_tokens" t WHERE t."slot" = w."slot") ORDER BY w."slot";`)

  const secret = payload.secret
  const expiresAt = roleTokenExpiry(new Date(), roleTokenTtlDays(process.env.ROLE_TOKEN_TTL_DAYS)).toISOString()
  const rows = (missing.rows as Array<{ slot: string; agency_id: number; service_point_id: number | null; role: string }>).map((row) => {
    const code = generateRoleTokenCode()
    return { ...row, code_hash: hashRoleTokenCode(code, secret), code_cipher: encryptRoleTokenCode(code, secret), expires_at: expiresAt }
  })
  for (let i = 0; i < rows.length; i += 1000) {
    await db.execute(sql`
      INSERT INTO "role_tokens" ("slot", "role", "agency_id", "service_point_id", "code_hash", "code_cipher", "expires_at")
      SELECT r."slot", r."role"::"enum_role_tokens_role", r."agency_id", r."service_point_id", r."code_hash", r."code_cipher", r."expires_at"
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb)
        AS r("slot" text, "role" text, "agency_id" int, "service_point_id" int, "code_hash" text, "code_cipher" text, "expires_at" timestamptz)
      ON CONFLICT ("slot") DO NOTHING;`)
  }
  payload.logger.info(`role tokens: ${rows.length} created for the existing agencies and service points`)
}

/** Takes away the slot only: the rows stay (their codes may have been handed out already). */
export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS "role_tokens_slot_idx";
    ALTER TABLE "role_tokens" DROP COLUMN IF EXISTS "slot";`)
}
