CREATE TABLE public.t (id int PRIMARY KEY);
-- The preset's default privileges grant the API roles everything on a new table in public.
REVOKE ALL ON public.t FROM anon, authenticated, service_role;
