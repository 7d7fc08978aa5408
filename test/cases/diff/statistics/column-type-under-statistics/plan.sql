-- hazard REWRITES_TABLE: changing public.points.x from integer to bigint rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
ALTER TABLE "public"."points" ALTER COLUMN "x" TYPE bigint USING "x"::bigint;
