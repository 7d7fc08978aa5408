CREATE TABLE public.t (id int PRIMARY KEY);
CREATE VIEW public.v WITH (security_invoker = true) AS SELECT id FROM public.t;
