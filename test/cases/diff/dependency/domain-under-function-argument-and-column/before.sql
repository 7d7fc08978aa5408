CREATE DOMAIN public.score AS integer CHECK (VALUE >= 0);
CREATE TABLE public.results (id integer PRIMARY KEY, score public.score NOT NULL);
CREATE FUNCTION public.passed(s public.score) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s >= 50 $$;
