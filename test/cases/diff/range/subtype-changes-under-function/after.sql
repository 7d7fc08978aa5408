CREATE TYPE public.span AS RANGE (subtype = numeric);
CREATE FUNCTION public.width(s public.span) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT upper(s) - lower(s) $$;
