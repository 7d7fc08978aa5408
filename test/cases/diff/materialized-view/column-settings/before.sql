CREATE TABLE public.sales (id bigint PRIMARY KEY, region text NOT NULL, product text NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW public.sales_by_region AS SELECT region, product, sum(amount) AS total FROM public.sales GROUP BY region, product;
CREATE INDEX sales_by_region_region ON public.sales_by_region (region);
ALTER MATERIALIZED VIEW public.sales_by_region ALTER COLUMN product SET STATISTICS 300, ALTER COLUMN total SET STORAGE EXTERNAL;
CREATE STATISTICS public.sales_by_region_rp (ndistinct) ON region, product FROM public.sales_by_region;
