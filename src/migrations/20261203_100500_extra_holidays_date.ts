import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * extra-holidays.date: from the text `YYYY-MM-DD` (a Bangkok calendar day, CE) to a real date, so
 * the admin shows it in a date picker (พ.ศ. in Thai). A day is stored as Payload's DatePicker
 * stores one, 12:00 UTC of it (still the same day in Bangkok, 19:00), so each row keeps its day.
 * The unique index on the column is rebuilt by PostgreSQL with the new type.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  // The text column took any real day: one typed in พ.ศ. (2569-11-02) is that day in CE (2026), as
  // the date field's Buddhist-year guard would have it, not a holiday 543 years away.
  await db.execute(sql`
   ALTER TABLE "extra_holidays" ALTER COLUMN "date" SET DATA TYPE timestamp(3) with time zone
     USING ((CASE WHEN substr("date", 1, 4)::int >= 2400 THEN (substr("date", 1, 4)::int - 543)::text || substr("date", 5) ELSE "date" END) || 'T12:00:00Z')::timestamptz;`)
}

/** Back to the day as text: the day each stored instant falls on in Bangkok. */
export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "extra_holidays" ALTER COLUMN "date" SET DATA TYPE varchar
     USING to_char("date" AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM-DD');`)
}
