CREATE TYPE public.money_amount AS (amount numeric(12,2), currency text COLLATE "C");
CREATE FUNCTION public.zero() RETURNS public.money_amount LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(0, 'EUR')::public.money_amount $$;
