DROP MATERIALIZED VIEW "public"."top";

DROP MATERIALIZED VIEW "public"."base";

CREATE MATERIALIZED VIEW "public"."base" AS
SELECT g,
    v
   FROM public.t
  WHERE v > 0;

CREATE MATERIALIZED VIEW "public"."top" AS
SELECT g,
    max(v) AS m
   FROM public.base
  GROUP BY g;

CREATE INDEX "top_g" ON "public"."top" USING "btree" (g);

ALTER MATERIALIZED VIEW "public"."top" ALTER COLUMN "m" SET STATISTICS 200;

CREATE STATISTICS "public"."top_gm" (ndistinct, dependencies, mcv) ON g, m FROM "public"."top";

COMMENT ON INDEX "public"."top_g" IS 'lookup';
