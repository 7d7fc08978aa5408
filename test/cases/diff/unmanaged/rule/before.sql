CREATE TABLE public.events (id integer PRIMARY KEY, kind text NOT NULL);
CREATE TABLE public.events_log (id integer, kind text);
CREATE RULE log_events AS ON INSERT TO public.events DO ALSO INSERT INTO public.events_log VALUES (NEW.id, NEW.kind);
