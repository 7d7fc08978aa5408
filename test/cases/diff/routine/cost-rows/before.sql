CREATE TABLE public.items (id int PRIMARY KEY, tag text);
CREATE FUNCTION public.items_tagged(wanted text) RETURNS SETOF public.items LANGUAGE sql STABLE AS $$ SELECT * FROM public.items WHERE tag = wanted $$;
CREATE FUNCTION public.slow_hash(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT md5(value) $$;
