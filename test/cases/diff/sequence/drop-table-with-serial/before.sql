CREATE TABLE public.keep (id integer);
CREATE TABLE public.items (id serial PRIMARY KEY, name text);
