-- hazard REWRITES_TABLE: adding full_name with a volatile default, identity or generated value rewrites public.t under an exclusive lock; online alternative: add it without that default, set the default for new rows, then backfill the rows in batches
ALTER TABLE "public"."t" ADD COLUMN "full_name" text GENERATED ALWAYS AS (((first || ' '::text) || last)) STORED;
