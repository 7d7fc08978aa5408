CREATE TABLE public.tokens (id integer PRIMARY KEY, ref integer);
