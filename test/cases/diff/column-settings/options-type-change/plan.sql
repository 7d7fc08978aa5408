ALTER TABLE "public"."orders" ALTER COLUMN "status" TYPE text USING "status"::text;

-- hazard LONG_LOCK: scans public.orders to check status for NULLs under an exclusive lock; fails if any
ALTER TABLE "public"."orders" ALTER COLUMN "status" SET NOT NULL;

-- hazard REWRITES_TABLE: changing public.orders.note from text to character varying(500) rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
-- hazard DELETES_DATA: values of public.orders.note that do not fit character varying(500) fail the cast or lose precision
ALTER TABLE "public"."orders" ALTER COLUMN "note" TYPE character varying(500) USING "note"::character varying(500);

ALTER TABLE "public"."orders" ALTER COLUMN "status" SET STORAGE MAIN;

ALTER TABLE "public"."orders" ALTER COLUMN "note" SET STATISTICS 50, ALTER COLUMN "note" SET ("n_distinct" = '-0.5');
