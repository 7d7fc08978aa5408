CREATE TABLE public.sales (id int PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
-- Created WITH NO DATA and then refreshed by a job: it holds rows.
CREATE MATERIALIZED VIEW public.sales_by_region AS SELECT region, sum(amount) AS total FROM public.sales GROUP BY region WITH NO DATA;
REFRESH MATERIALIZED VIEW public.sales_by_region;
