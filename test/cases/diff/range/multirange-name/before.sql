CREATE TYPE public.span AS RANGE (subtype = integer);
CREATE FUNCTION public.total(s public.span_multirange) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT sum(upper(r) - lower(r))::int FROM unnest(s) r $$;
CREATE TABLE public.bookings (id int PRIMARY KEY);
