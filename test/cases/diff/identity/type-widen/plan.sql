-- hazard REWRITES_TABLE: changing public.items.id from integer to bigint rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
ALTER TABLE "public"."items" ALTER COLUMN "id" TYPE bigint USING "id"::bigint;
