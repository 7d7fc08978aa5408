-- hazard REWRITES_TABLE: changing public.items.id from integer to bigint rewrites the table under an exclusive lock
ALTER TABLE "public"."items" ALTER COLUMN "id" TYPE bigint USING "id"::bigint;
