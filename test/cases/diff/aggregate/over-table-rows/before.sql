CREATE TABLE public.other (id integer PRIMARY KEY);
