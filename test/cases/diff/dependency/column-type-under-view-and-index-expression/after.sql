CREATE TABLE public.people (id integer PRIMARY KEY, born integer NOT NULL, name text NOT NULL);
CREATE FUNCTION public.decade(y bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT y / 10 * 10 $$;
CREATE INDEX people_decade ON public.people (public.decade(born));
CREATE VIEW public.people_decades AS SELECT id, public.decade(born) AS decade FROM public.people;
