CREATE TABLE public.t (id int PRIMARY KEY);
CREATE VIEW public.v AS SELECT id FROM public.t;
