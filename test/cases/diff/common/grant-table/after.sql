CREATE TABLE public.t (id int PRIMARY KEY);
REVOKE ALL ON public.t FROM anon, authenticated, service_role;
GRANT SELECT ON public.t TO anon;
GRANT ALL ON public.t TO service_role;
