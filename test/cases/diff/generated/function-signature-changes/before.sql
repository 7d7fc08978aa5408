CREATE FUNCTION public.full_name(first text, last text) RETURNS text LANGUAGE sql IMMUTABLE RETURN first || ' ' || last;
CREATE FUNCTION public.cents(amount numeric) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN (amount * 100)::bigint;
CREATE TABLE public.people (
  id bigint PRIMARY KEY,
  first text NOT NULL,
  last text NOT NULL,
  full_name text GENERATED ALWAYS AS (public.full_name(first, last)) STORED
);
CREATE INDEX people_full_name_idx ON public.people (full_name);
CREATE TABLE public.prices (
  id bigint PRIMARY KEY,
  amount numeric NOT NULL,
  amount_cents bigint GENERATED ALWAYS AS (public.cents(amount)) STORED
);
