CREATE FUNCTION public.full_name(first text, last text, separator text) RETURNS text LANGUAGE sql IMMUTABLE RETURN first || separator || last;
CREATE TABLE public.people (
  id bigint PRIMARY KEY,
  first text NOT NULL,
  last text NOT NULL,
  full_name text GENERATED ALWAYS AS (public.full_name(first, last, ' ')) STORED
);
CREATE INDEX people_full_name_idx ON public.people (full_name);
CREATE TABLE public.prices (
  id bigint PRIMARY KEY,
  amount numeric NOT NULL,
  amount_cents bigint
);
