CREATE TABLE public.notes (id integer PRIMARY KEY, owner text);
CREATE VIEW public.my_notes WITH (security_invoker = true) AS SELECT id, owner FROM public.notes;
CREATE VIEW public.open_notes WITH (check_option = local) AS SELECT id, owner FROM public.notes WHERE owner IS NOT NULL;
