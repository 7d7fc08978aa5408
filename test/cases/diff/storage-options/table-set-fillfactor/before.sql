CREATE TABLE public.items (id integer PRIMARY KEY, body text);
