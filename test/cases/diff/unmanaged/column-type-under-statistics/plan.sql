-- hazard REWRITES_TABLE: changing public.points.x from integer to bigint rewrites the table under an exclusive lock
ALTER TABLE "public"."points" ALTER COLUMN "x" TYPE bigint USING "x"::bigint;
