-- hazard REWRITES_TABLE: changing public.readings.sensor from integer to bigint rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
ALTER TABLE "public"."readings" ALTER COLUMN "sensor" TYPE bigint USING "sensor"::bigint;

ALTER TABLE "public"."readings" ALTER COLUMN "label" TYPE text USING "label"::text;

ALTER TABLE ONLY "public"."readings" ALTER COLUMN "sensor" SET ("n_distinct_inherited" = '20');

ALTER TABLE "public"."readings_2024" ALTER COLUMN "label" SET STORAGE EXTERNAL;
