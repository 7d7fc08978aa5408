CREATE TYPE public.span AS RANGE (subtype = bigint);
COMMENT ON TYPE public.span IS 'seat numbers';
