CREATE TABLE public.items (id serial PRIMARY KEY, name text);
