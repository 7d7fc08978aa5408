CREATE TYPE public.mood AS ENUM ('calm', 'busy');
CREATE DOMAIN public.email AS text CHECK (VALUE ~ '@');
CREATE TYPE public.address AS (street text, zip varchar(10), city text COLLATE "C", mood public.mood, contact public.email, "Line 2" text, floors integer[]);
COMMENT ON TYPE public.address IS 'A postal address';
CREATE SCHEMA shipping;
CREATE TYPE shipping.route AS (start public.address, stops public.address[]);
CREATE TABLE public.customers (id integer PRIMARY KEY, home public.address, past public.address[], usual shipping.route NOT NULL);
CREATE FUNCTION public.addresses() RETURNS SETOF public.address LANGUAGE sql STABLE AS $$ SELECT home FROM public.customers $$;
CREATE FUNCTION shipping.route_length(r shipping.route) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(array_length(r.stops, 1), 0) $$;
