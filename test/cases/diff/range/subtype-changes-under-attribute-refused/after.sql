CREATE TYPE public.floors AS RANGE (subtype = smallint);
CREATE TYPE public.stay AS (floors public.floors, guests integer);
