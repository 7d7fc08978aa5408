CREATE TABLE public.sales (id integer PRIMARY KEY, amount numeric);
CREATE MATERIALIZED VIEW public.sales_total WITH (fillfactor = 60, autovacuum_enabled = false) AS SELECT sum(amount) AS total FROM public.sales;
