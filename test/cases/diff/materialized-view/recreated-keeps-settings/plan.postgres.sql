DROP MATERIALIZED VIEW "public"."region_totals";

CREATE MATERIALIZED VIEW "public"."region_totals" AS
SELECT sales.region,
    sum(sales.amount) AS total,
    count(*) AS sales
   FROM public.sales
  GROUP BY sales.region;

CREATE UNIQUE INDEX CONCURRENTLY "region_totals_region" ON "public"."region_totals" USING "btree" (region);

ALTER MATERIALIZED VIEW "public"."region_totals" ALTER COLUMN "region" SET STATISTICS 500, ALTER COLUMN "region" SET ("n_distinct" = '-1');

ALTER MATERIALIZED VIEW "public"."region_totals" ALTER COLUMN "sales" SET STATISTICS 10;

CREATE STATISTICS "public"."region_totals_rt" (ndistinct, dependencies, mcv) ON region, total FROM "public"."region_totals";

COMMENT ON INDEX "public"."region_totals_region" IS 'One row a region';
