CREATE FUNCTION public.next_code() RETURNS integer LANGUAGE sql AS $$SELECT 7$$;
CREATE TABLE public.orders (id integer PRIMARY KEY, code bigint DEFAULT public.next_code());
