CREATE TABLE public.readings (id integer PRIMARY KEY, value integer NOT NULL, note text);
CREATE VIEW public.recent AS SELECT id, value FROM public.readings WHERE id > 10;
CREATE VIEW public.recent_high AS SELECT id, value FROM public.recent WHERE value > 100;
GRANT SELECT ON public.recent_high TO authenticated;
COMMENT ON VIEW public.recent_high IS 'high readings';
