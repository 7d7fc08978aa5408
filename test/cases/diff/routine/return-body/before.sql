CREATE TABLE public.items (id integer PRIMARY KEY, price integer NOT NULL);
