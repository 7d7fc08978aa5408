CREATE TABLE "public"."queue" (
  "id" bigint NOT NULL,
  "state" text,
  CONSTRAINT "queue_pkey" PRIMARY KEY ("id")
) WITH ("autovacuum_vacuum_scale_factor" = '0.02', "fillfactor" = '50');

CREATE INDEX "queue_state_idx" ON "public"."queue" USING "btree" (state) WITH ("fillfactor" = '60');

CREATE MATERIALIZED VIEW "public"."queue_states" WITH ("fillfactor" = '40') AS
SELECT state,
    count(*) AS n
   FROM public.queue
  GROUP BY state;
