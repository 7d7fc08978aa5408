CREATE TABLE "public"."readings_2025" PARTITION OF "public"."readings" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

ALTER TABLE ONLY "public"."readings" ALTER COLUMN "sensor" SET ("n_distinct_inherited" = '500');

ALTER TABLE "public"."readings_2024" ALTER COLUMN "sensor" RESET ("n_distinct");

ALTER TABLE "public"."readings_2025" ALTER COLUMN "sensor" SET ("n_distinct" = '60');
