CREATE TABLE public.slots (id int PRIMARY KEY);
CREATE TYPE public.span AS RANGE (subtype = integer);
CREATE FUNCTION public.widen(s public.span, by integer) RETURNS public.span LANGUAGE sql IMMUTABLE AS $$ SELECT public.span(lower(s) - by, upper(s) + by) $$;
CREATE FUNCTION public.gaps(s public.span_multirange) RETURNS SETOF public.span LANGUAGE sql IMMUTABLE AS $$ SELECT unnest(s) $$;
