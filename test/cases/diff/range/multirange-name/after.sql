CREATE TYPE public.span AS RANGE (subtype = integer, multirange_type_name = public.spans);
CREATE FUNCTION public.total(s public.spans) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT sum(upper(r) - lower(r))::int FROM unnest(s) r $$;
CREATE TYPE public.daterange_x AS RANGE (subtype = date);
CREATE TABLE public.bookings (id int PRIMARY KEY, nights public.spans, days public.daterange_x);
