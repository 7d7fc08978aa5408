CREATE TYPE public.floors AS RANGE (subtype = integer);
CREATE TYPE public.stay AS (floors public.floors, guests integer);
