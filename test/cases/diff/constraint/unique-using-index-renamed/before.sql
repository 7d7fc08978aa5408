CREATE TABLE public.items (id integer NOT NULL, code text);
