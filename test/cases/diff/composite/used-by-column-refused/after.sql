CREATE TYPE public.address AS (street text, zip text, country text);
CREATE TABLE public.customers (id int PRIMARY KEY, home public.address);
