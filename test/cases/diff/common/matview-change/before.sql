CREATE TABLE public.s (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW public.m AS SELECT sum(v) AS total FROM public.s;
CREATE UNIQUE INDEX m_total ON public.m (total);
