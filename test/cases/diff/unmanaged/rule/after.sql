CREATE TABLE public.events (id integer PRIMARY KEY, kind text NOT NULL);
CREATE TABLE public.events_log (id integer, kind text);
COMMENT ON TABLE public.events IS 'what happened';
