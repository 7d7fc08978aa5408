CREATE TABLE public.notes (id integer PRIMARY KEY, owner text) WITH (fillfactor = 75);
CREATE VIEW public.my_notes WITH (security_invoker = true, security_barrier = true) AS SELECT id, owner FROM public.notes;
CREATE VIEW public.open_notes WITH (check_option = cascaded) AS SELECT id, owner FROM public.notes WHERE owner IS NOT NULL;
