CREATE TABLE "public"."events_jp" PARTITION OF "public"."events" FOR VALUES IN ('jp');

CREATE UNIQUE INDEX CONCURRENTLY "events_eu_2024_pkey" ON "public"."events_eu_2024" USING "btree" ("id", "region", "at");

ALTER TABLE "public"."events_eu_2024" ADD CONSTRAINT "events_eu_2024_pkey" PRIMARY KEY USING INDEX "events_eu_2024_pkey";

CREATE UNIQUE INDEX CONCURRENTLY "events_eu_2025_pkey" ON "public"."events_eu_2025" USING "btree" ("id", "region", "at");

ALTER TABLE "public"."events_eu_2025" ADD CONSTRAINT "events_eu_2025_pkey" PRIMARY KEY USING INDEX "events_eu_2025_pkey";

CREATE UNIQUE INDEX CONCURRENTLY "events_us_pkey" ON "public"."events_us" USING "btree" ("id", "region", "at");

ALTER TABLE "public"."events_us" ADD CONSTRAINT "events_us_pkey" PRIMARY KEY USING INDEX "events_us_pkey";

ALTER TABLE "public"."events" ADD CONSTRAINT "events_pkey" PRIMARY KEY ("id", "region", "at");

CREATE UNIQUE INDEX CONCURRENTLY "events_eu_2024_ref_region_at_key" ON "public"."events_eu_2024" USING "btree" ("ref", "region", "at");

ALTER TABLE "public"."events_eu_2024" ADD CONSTRAINT "events_eu_2024_ref_region_at_key" UNIQUE USING INDEX "events_eu_2024_ref_region_at_key";

CREATE UNIQUE INDEX CONCURRENTLY "events_eu_2025_ref_region_at_key" ON "public"."events_eu_2025" USING "btree" ("ref", "region", "at");

ALTER TABLE "public"."events_eu_2025" ADD CONSTRAINT "events_eu_2025_ref_region_at_key" UNIQUE USING INDEX "events_eu_2025_ref_region_at_key";

CREATE UNIQUE INDEX CONCURRENTLY "events_us_ref_region_at_key1" ON "public"."events_us" USING "btree" ("ref", "region", "at");

ALTER TABLE "public"."events_us" ADD CONSTRAINT "events_us_ref_region_at_key1" UNIQUE USING INDEX "events_us_ref_region_at_key1";

ALTER TABLE "public"."events" ADD CONSTRAINT "events_ref_region_at_key" UNIQUE ("ref", "region", "at");
