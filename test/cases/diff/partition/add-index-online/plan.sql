CREATE TABLE "public"."events_jp" PARTITION OF "public"."events" FOR VALUES IN ('jp');

CREATE INDEX "events_recent" ON ONLY "public"."events" USING "btree" (at, lower(region)) WHERE ((total > (0)::numeric));

CREATE INDEX "events_eu_at_lower_idx" ON ONLY "public"."events_eu" USING "btree" (at, lower(region)) WHERE ((total > (0)::numeric));

CREATE INDEX CONCURRENTLY "events_eu_2024_at_lower_idx" ON "public"."events_eu_2024" USING "btree" (at, lower(region)) WHERE ((total > (0)::numeric));

ALTER INDEX "public"."events_eu_at_lower_idx" ATTACH PARTITION "public"."events_eu_2024_at_lower_idx";

CREATE INDEX CONCURRENTLY "events_eu_2025_at_lower_idx" ON "public"."events_eu_2025" USING "btree" (at, lower(region)) WHERE ((total > (0)::numeric));

ALTER INDEX "public"."events_eu_at_lower_idx" ATTACH PARTITION "public"."events_eu_2025_at_lower_idx";

ALTER INDEX "public"."events_recent" ATTACH PARTITION "public"."events_eu_at_lower_idx";

CREATE INDEX "events_jp_at_lower_idx" ON "public"."events_jp" USING "btree" (at, lower(region)) WHERE ((total > (0)::numeric));

ALTER INDEX "public"."events_recent" ATTACH PARTITION "public"."events_jp_at_lower_idx";

CREATE INDEX CONCURRENTLY "events_us_at_lower_idx" ON "public"."events_us" USING "btree" (at, lower(region)) WHERE ((total > (0)::numeric));

ALTER INDEX "public"."events_recent" ATTACH PARTITION "public"."events_us_at_lower_idx";

CREATE INDEX "events_total_desc" ON ONLY "public"."events" USING "btree" (total DESC);

CREATE INDEX "events_eu_total_idx1" ON ONLY "public"."events_eu" USING "btree" (total DESC);

CREATE INDEX CONCURRENTLY "events_eu_2024_total_idx1" ON "public"."events_eu_2024" USING "btree" (total DESC);

ALTER INDEX "public"."events_eu_total_idx1" ATTACH PARTITION "public"."events_eu_2024_total_idx1";

CREATE INDEX CONCURRENTLY "events_eu_2025_total_idx1" ON "public"."events_eu_2025" USING "btree" (total DESC);

ALTER INDEX "public"."events_eu_total_idx1" ATTACH PARTITION "public"."events_eu_2025_total_idx1";

ALTER INDEX "public"."events_total_desc" ATTACH PARTITION "public"."events_eu_total_idx1";

CREATE INDEX "events_jp_total_idx1" ON "public"."events_jp" USING "btree" (total DESC);

ALTER INDEX "public"."events_total_desc" ATTACH PARTITION "public"."events_jp_total_idx1";

CREATE INDEX CONCURRENTLY "events_us_total_idx1" ON "public"."events_us" USING "btree" (total DESC);

ALTER INDEX "public"."events_total_desc" ATTACH PARTITION "public"."events_us_total_idx1";
