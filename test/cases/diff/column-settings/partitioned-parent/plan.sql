CREATE TABLE "public"."measurements_2025" PARTITION OF "public"."measurements" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

ALTER TABLE ONLY "public"."measurements" ALTER COLUMN "payload" SET STORAGE EXTERNAL;

ALTER TABLE ONLY "public"."measurements" ALTER COLUMN "device" SET STATISTICS 300;

ALTER TABLE "public"."measurements_2024" ALTER COLUMN "payload" SET STORAGE EXTERNAL;

ALTER TABLE "public"."measurements_2025" ALTER COLUMN "payload" SET STORAGE EXTERNAL;
