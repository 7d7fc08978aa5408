CREATE UNIQUE INDEX CONCURRENTLY "events_partition_for_the_united_kingdom_and_ire_code_region_key" ON "public"."events_partition_for_the_united_kingdom_and_ireland_and_others" USING "btree" ("code", "region");

ALTER TABLE "public"."events_partition_for_the_united_kingdom_and_ireland_and_others" ADD CONSTRAINT "events_partition_for_the_united_kingdom_and_ire_code_region_key" UNIQUE USING INDEX "events_partition_for_the_united_kingdom_and_ire_code_region_key";

CREATE UNIQUE INDEX CONCURRENTLY "events_us_code_region_key1" ON "public"."events_us" USING "btree" ("code", "region");

ALTER TABLE "public"."events_us" ADD CONSTRAINT "events_us_code_region_key1" UNIQUE USING INDEX "events_us_code_region_key1";

ALTER TABLE "public"."events" ADD CONSTRAINT "events_code_region_key" UNIQUE ("code", "region");

CREATE INDEX "events_total" ON ONLY "public"."events" USING "btree" (total);

CREATE INDEX CONCURRENTLY "events_partition_for_the_united_kingdom_and_ireland_a_total_idx" ON "public"."events_partition_for_the_united_kingdom_and_ireland_and_others" USING "btree" (total);

ALTER INDEX "public"."events_total" ATTACH PARTITION "public"."events_partition_for_the_united_kingdom_and_ireland_a_total_idx";

CREATE INDEX CONCURRENTLY "events_us_total_idx" ON "public"."events_us" USING "btree" (total);

ALTER INDEX "public"."events_total" ATTACH PARTITION "public"."events_us_total_idx";

CREATE INDEX "events_total_desc" ON ONLY "public"."events" USING "btree" (total DESC);

CREATE INDEX CONCURRENTLY "events_partition_for_the_united_kingdom_and_ireland__total_idx1" ON "public"."events_partition_for_the_united_kingdom_and_ireland_and_others" USING "btree" (total DESC);

ALTER INDEX "public"."events_total_desc" ATTACH PARTITION "public"."events_partition_for_the_united_kingdom_and_ireland__total_idx1";

CREATE INDEX CONCURRENTLY "events_us_total_idx1" ON "public"."events_us" USING "btree" (total DESC);

ALTER INDEX "public"."events_total_desc" ATTACH PARTITION "public"."events_us_total_idx1";
