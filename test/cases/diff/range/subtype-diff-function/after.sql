CREATE FUNCTION public.time_subtype_diff(x time, y time) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT EXTRACT(EPOCH FROM (x - y)) $$;
CREATE TYPE public.timerange AS RANGE (subtype = time, subtype_diff = public.time_subtype_diff);
CREATE TABLE public.shifts (id int PRIMARY KEY, hours public.timerange);
