CREATE FUNCTION public.next_code() RETURNS bigint LANGUAGE sql AS $$SELECT 7::bigint$$;
CREATE TABLE public.orders (id integer PRIMARY KEY, code bigint DEFAULT public.next_code());
