CREATE TABLE public.t (id serial PRIMARY KEY, name text);
