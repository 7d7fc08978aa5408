CREATE TABLE public.t (id int PRIMARY KEY);
GRANT SELECT ON public.t TO anon;
GRANT ALL ON public.t TO service_role;
