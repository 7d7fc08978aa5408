DROP MATERIALIZED VIEW "public"."region_totals";

DROP VIEW "public"."sales_by_region";

CREATE VIEW "public"."sales_by_region" AS
SELECT sales.region,
    sales.amount
   FROM public.sales;

CREATE MATERIALIZED VIEW "public"."region_totals" AS
SELECT sales_by_region.region,
    sum(sales_by_region.amount) AS total
   FROM public.sales_by_region
  GROUP BY sales_by_region.region;

CREATE UNIQUE INDEX "region_totals_region" ON "public"."region_totals" USING "btree" (region);
