CREATE TABLE public.sales (id bigint PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW public.region_totals AS SELECT region, sum(amount) AS total, count(*) AS sales FROM public.sales GROUP BY region;
CREATE UNIQUE INDEX region_totals_region ON public.region_totals (region);
COMMENT ON INDEX public.region_totals_region IS 'One row a region';
ALTER MATERIALIZED VIEW public.region_totals ALTER COLUMN region SET STATISTICS 500, ALTER COLUMN region SET (n_distinct = -1), ALTER COLUMN sales SET STATISTICS 10;
CREATE STATISTICS public.region_totals_rt ON region, total FROM public.region_totals;
