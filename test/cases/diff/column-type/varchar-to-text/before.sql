CREATE TABLE public.events (id integer PRIMARY KEY, note varchar(20));
