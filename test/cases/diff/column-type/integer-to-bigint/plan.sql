-- hazard REWRITES_TABLE: changing public.events.qty from integer to bigint rewrites the table under an exclusive lock
ALTER TABLE "public"."events" ALTER COLUMN "qty" TYPE bigint USING "qty"::bigint;
