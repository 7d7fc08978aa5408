CREATE TYPE public.address AS (street text, zip varchar(10), city text);
COMMENT ON COLUMN public.address.street IS 'Street and number';
COMMENT ON COLUMN public.address.city IS 'Town';
CREATE TABLE public.customers (id int PRIMARY KEY, home public.address);
CREATE FUNCTION public.city_of(a public.address) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT a.city $$;
