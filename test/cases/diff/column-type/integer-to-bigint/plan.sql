-- hazard REWRITES_TABLE: changing public.events.qty from integer to bigint rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
ALTER TABLE "public"."events" ALTER COLUMN "qty" TYPE bigint USING "qty"::bigint;
