CREATE FUNCTION public.is_code(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT value ~ '^[A-Z0-9]+$'$$;
CREATE TABLE public.products (id integer PRIMARY KEY, code text NOT NULL CONSTRAINT products_code_check CHECK (public.is_code(code)));
