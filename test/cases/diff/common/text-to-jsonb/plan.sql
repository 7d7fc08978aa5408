-- hazard REWRITES_TABLE: changing public.t.data from text to jsonb rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
-- hazard DELETES_DATA: values of public.t.data that do not fit jsonb fail the cast or lose precision
ALTER TABLE "public"."t" ALTER COLUMN "data" TYPE jsonb USING "data"::jsonb;
