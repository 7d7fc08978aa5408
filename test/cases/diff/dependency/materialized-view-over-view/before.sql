CREATE TABLE public.sales (id integer PRIMARY KEY, region text NOT NULL, amount integer NOT NULL);
CREATE VIEW public.sales_by_region AS SELECT region, amount, id FROM public.sales;
CREATE MATERIALIZED VIEW public.region_totals AS SELECT region, sum(amount) AS total FROM public.sales_by_region GROUP BY region;
CREATE UNIQUE INDEX region_totals_region ON public.region_totals (region);
