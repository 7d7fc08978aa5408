CREATE TABLE public.sales (id bigint PRIMARY KEY, region text NOT NULL, product text NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW public.sales_by_region AS SELECT region, product, sum(amount) AS total FROM public.sales GROUP BY region, product;
CREATE INDEX sales_by_region_region ON public.sales_by_region (region);
COMMENT ON INDEX public.sales_by_region_region IS 'Reports filter by region';
COMMENT ON COLUMN public.sales_by_region.total IS 'Sum of the amounts';
ALTER MATERIALIZED VIEW public.sales_by_region ALTER COLUMN region SET STATISTICS 1000, ALTER COLUMN region SET (n_distinct = 40), ALTER COLUMN region SET STORAGE MAIN, ALTER COLUMN product SET COMPRESSION pglz;
CREATE STATISTICS public.sales_by_region_rp (ndistinct, dependencies) ON region, product FROM public.sales_by_region;
CREATE STATISTICS public.sales_by_region_total ON (total * 2) FROM public.sales_by_region;
ALTER STATISTICS public.sales_by_region_total SET STATISTICS 50;
