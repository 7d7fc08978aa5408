CREATE TYPE public.span AS RANGE (subtype = integer);
COMMENT ON TYPE public.span IS 'seat numbers';
