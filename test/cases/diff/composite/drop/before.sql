CREATE TYPE public.point3 AS (x double precision, y double precision, z double precision);
CREATE FUNCTION public.origin() RETURNS public.point3 LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(0, 0, 0)::public.point3 $$;
