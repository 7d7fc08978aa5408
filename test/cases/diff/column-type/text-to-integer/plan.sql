-- hazard REWRITES_TABLE: changing public.events.qty from text to integer rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
-- hazard DELETES_DATA: values of public.events.qty that do not fit integer fail the cast or lose precision
ALTER TABLE "public"."events" ALTER COLUMN "qty" TYPE integer USING "qty"::integer;
