CREATE TABLE public.t (id serial PRIMARY KEY, big bigserial, name text);
