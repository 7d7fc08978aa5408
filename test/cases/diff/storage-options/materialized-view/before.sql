CREATE TABLE public.sales (id integer PRIMARY KEY, amount numeric);
CREATE MATERIALIZED VIEW public.sales_total AS SELECT sum(amount) AS total FROM public.sales;
