CREATE TABLE public.items (id integer NOT NULL PRIMARY KEY, name text);
