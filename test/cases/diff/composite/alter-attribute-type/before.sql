CREATE TYPE public.money_amount AS (amount integer, currency varchar(3));
CREATE FUNCTION public.zero() RETURNS public.money_amount LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(0, 'EUR')::public.money_amount $$;
