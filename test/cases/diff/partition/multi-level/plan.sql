CREATE TABLE "public"."measurements" (
  "device" text NOT NULL,
  "taken_at" timestamp with time zone NOT NULL,
  "value" double precision
) PARTITION BY LIST (device);

CREATE TABLE "public"."measurements_a" PARTITION OF "public"."measurements" FOR VALUES IN ('a') PARTITION BY RANGE (taken_at);

CREATE TABLE "public"."measurements_b" PARTITION OF "public"."measurements" FOR VALUES IN ('b');

CREATE TABLE "public"."measurements_a_2024" PARTITION OF "public"."measurements_a" FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');

CREATE INDEX "measurements_taken_idx" ON "public"."measurements" USING "btree" (taken_at);

CREATE INDEX "measurements_b_value_idx" ON "public"."measurements_b" USING "btree" (value);
