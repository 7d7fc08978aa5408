CREATE TABLE public.notes (id bigint PRIMARY KEY, body text);
CREATE VIEW public.note_bodies WITH (security_invoker = true) AS SELECT id, body FROM public.notes;
