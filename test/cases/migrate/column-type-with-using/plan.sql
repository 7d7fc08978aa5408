-- hazard REWRITES_TABLE: changing public.events.happened from bigint to timestamp with time zone rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
-- hazard DELETES_DATA: values of public.events.happened that do not fit timestamp with time zone fail the cast or lose precision
ALTER TABLE "public"."events" ALTER COLUMN "happened" TYPE timestamp with time zone USING to_timestamp(happened);
