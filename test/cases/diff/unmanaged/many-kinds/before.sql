CREATE TYPE public.pair AS (a integer, b integer);
CREATE TYPE public.span AS RANGE (subtype = integer);
CREATE FUNCTION public.pair_eq(public.pair, public.pair) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1.a = $2.a AND $1.b = $2.b $$;
CREATE OPERATOR public.=== (LEFTARG = public.pair, RIGHTARG = public.pair, FUNCTION = public.pair_eq);
CREATE TEXT SEARCH CONFIGURATION public.plain (COPY = pg_catalog.simple);
CREATE TABLE public.points (id integer PRIMARY KEY, x integer NOT NULL, y integer NOT NULL);
CREATE FUNCTION public.int_to_pair(integer) RETURNS public.pair LANGUAGE sql IMMUTABLE AS $$ SELECT ROW($1, $1)::public.pair $$;
CREATE CAST (integer AS public.pair) WITH FUNCTION public.int_to_pair(integer);
