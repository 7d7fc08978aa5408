CREATE TABLE public.items (name text);
