CREATE FUNCTION public.add_ints(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT $1 + $2 $$;
CREATE TABLE public.scores (id integer PRIMARY KEY, points integer NOT NULL, bonus integer);
