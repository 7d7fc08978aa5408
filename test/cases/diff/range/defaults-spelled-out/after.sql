CREATE TYPE public.span AS RANGE (subtype = integer);
CREATE TYPE public.textrange AS RANGE (subtype = text);
CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
