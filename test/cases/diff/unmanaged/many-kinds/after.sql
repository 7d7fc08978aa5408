CREATE TYPE public.pair AS (a integer, b integer);
CREATE FUNCTION public.pair_eq(public.pair, public.pair) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1.a = $2.a AND $1.b = $2.b $$;
CREATE FUNCTION public.int_to_pair(integer) RETURNS public.pair LANGUAGE sql IMMUTABLE AS $$ SELECT ROW($1, $1)::public.pair $$;
CREATE TABLE public.points (id integer PRIMARY KEY, x integer NOT NULL, y integer NOT NULL);
