DROP VIEW "public"."top_regions";

DROP MATERIALIZED VIEW "public"."sales_snapshot";

DROP VIEW "public"."regional";

CREATE VIEW "public"."regional" AS
SELECT region,
    sum(amount) AS total
   FROM public.sales
  WHERE rep IS NOT NULL
  GROUP BY region;

CREATE VIEW "public"."rep_totals" AS
SELECT rep,
    sum(amount) AS total
   FROM public.sales
  GROUP BY rep;

CREATE MATERIALIZED VIEW "public"."sales_snapshot" AS
SELECT region,
    total
   FROM public.regional;

CREATE VIEW "public"."top_regions" AS
SELECT region,
    total
   FROM public.regional
  WHERE total > 100;

CREATE UNIQUE INDEX "sales_snapshot_region" ON "public"."sales_snapshot" USING "btree" (region);
