CREATE TABLE "public"."measurements_2025" PARTITION OF "public"."measurements" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

ALTER TABLE "public"."measurements_2025" ALTER COLUMN "payload" SET STORAGE EXTENDED;
