CREATE TABLE public.events_log (id integer, kind text);
