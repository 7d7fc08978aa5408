CREATE TYPE public.address AS (street text, zip varchar(10), city text);
COMMENT ON TYPE public.address IS 'A postal address';
COMMENT ON COLUMN public.address.zip IS 'Postal code';
COMMENT ON COLUMN public.address.city IS 'City or town';
CREATE TABLE public.customers (id int PRIMARY KEY, home public.address);
CREATE FUNCTION public.city_of(a public.address) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT a.city $$;
CREATE TYPE public.money_amount AS (amount numeric(12,2), currency char(3));
COMMENT ON COLUMN public.money_amount.currency IS 'ISO 4217 code';
