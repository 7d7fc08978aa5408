CREATE TYPE public.status AS ENUM ('active', 'closed');
CREATE TYPE public.address AS (street text, zip varchar(10), city text COLLATE "C", state public.status);
COMMENT ON TYPE public.address IS 'A postal address';
CREATE TABLE public.customers (id int PRIMARY KEY, name text NOT NULL, home public.address, past public.address[]);
