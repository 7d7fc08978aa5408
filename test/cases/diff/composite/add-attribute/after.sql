CREATE TYPE public.address AS (street text, zip text, country text, "Line 2" text COLLATE "C");
COMMENT ON TYPE public.address IS 'A postal address';
