CREATE FUNCTION public.is_code(v text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT v ~ '^[A-Z]+$'$$;
CREATE TABLE public.products (id integer PRIMARY KEY, code text NOT NULL CONSTRAINT products_code_check CHECK (public.is_code(code)));
