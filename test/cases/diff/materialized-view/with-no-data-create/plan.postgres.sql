CREATE MATERIALIZED VIEW "public"."sales_by_region" AS
SELECT sales.region,
    sum(sales.amount) AS total
   FROM public.sales
  GROUP BY sales.region
WITH NO DATA;

CREATE UNIQUE INDEX "sales_by_region_region" ON "public"."sales_by_region" USING "btree" (region);
