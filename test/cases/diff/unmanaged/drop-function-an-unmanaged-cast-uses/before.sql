CREATE TYPE public.pair AS (a integer, b integer);
CREATE FUNCTION public.int_to_pair(integer) RETURNS public.pair LANGUAGE sql IMMUTABLE AS $$ SELECT ROW($1, $1)::public.pair $$;
CREATE CAST (integer AS public.pair) WITH FUNCTION public.int_to_pair(integer);
