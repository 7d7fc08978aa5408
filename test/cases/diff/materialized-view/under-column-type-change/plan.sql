DROP MATERIALIZED VIEW "public"."event_kinds";

ALTER TABLE "public"."events" ALTER COLUMN "kind" TYPE text USING "kind"::text;

CREATE MATERIALIZED VIEW "public"."event_kinds" AS
SELECT kind,
    count(*) AS n,
    max(score) AS best
   FROM public.events
  GROUP BY kind;

CREATE UNIQUE INDEX CONCURRENTLY "event_kinds_kind" ON "public"."event_kinds" USING "btree" (kind);

ALTER MATERIALIZED VIEW "public"."event_kinds" ALTER COLUMN "kind" SET STORAGE MAIN, ALTER COLUMN "kind" SET STATISTICS 400, ALTER COLUMN "kind" SET ("n_distinct" = '25');

CREATE STATISTICS "public"."event_kinds_stats" (ndistinct, dependencies, mcv) ON kind, best FROM "public"."event_kinds";

COMMENT ON INDEX "public"."event_kinds_kind" IS 'Refreshed concurrently';

COMMENT ON COLUMN "public"."event_kinds"."n" IS 'Events of the kind';
