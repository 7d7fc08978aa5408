CREATE TABLE public.items (id integer PRIMARY KEY, code bigserial, name text);
