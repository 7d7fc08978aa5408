CREATE TABLE public.t (id int PRIMARY KEY, g text, v int);
CREATE MATERIALIZED VIEW public.base AS SELECT g, v FROM public.t;
CREATE MATERIALIZED VIEW public.top AS SELECT g, max(v) AS m FROM public.base GROUP BY g;
CREATE INDEX top_g ON public.top (g);
COMMENT ON INDEX public.top_g IS 'lookup';
ALTER MATERIALIZED VIEW public.top ALTER COLUMN m SET STATISTICS 200;
CREATE STATISTICS public.top_gm ON g, m FROM public.top;
