CREATE TABLE public.readings (id int PRIMARY KEY);
CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
COMMENT ON TYPE public.floatrange IS 'A range of double precision values';
CREATE TYPE public.span AS RANGE (subtype = integer);
