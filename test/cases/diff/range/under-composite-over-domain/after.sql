CREATE TABLE public.rooms (id int PRIMARY KEY);
CREATE TYPE public.level AS ENUM ('low', 'mid', 'high');
CREATE DOMAIN public.floor_number AS integer CHECK (VALUE BETWEEN -5 AND 200);
CREATE TYPE public.floors AS RANGE (subtype = public.floor_number);
CREATE TYPE public.levels AS RANGE (subtype = public.level);
CREATE TYPE public.stay AS (floors public.floors, levels public.levels, nights public.levels_multirange);
CREATE FUNCTION public.lowest(s public.stay) RETURNS public.floor_number LANGUAGE sql IMMUTABLE AS $$ SELECT lower((s).floors) $$;
