CREATE TABLE public.events (id integer PRIMARY KEY, kind varchar(20));
CREATE TABLE public.events_log (id integer, kind text);
