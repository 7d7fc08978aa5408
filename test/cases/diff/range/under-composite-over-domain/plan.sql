SET check_function_bodies = false;

CREATE TYPE "public"."level" AS ENUM ('low', 'mid', 'high');

CREATE DOMAIN "public"."floor_number" AS integer CONSTRAINT "floor_number_check" CHECK (VALUE >= '-5'::integer AND VALUE <= 200);

CREATE TYPE "public"."floors" AS RANGE (SUBTYPE = public.floor_number);

CREATE TYPE "public"."levels" AS RANGE (SUBTYPE = public.level);

CREATE TYPE "public"."stay" AS ("floors" public.floors, "levels" public.levels, "nights" public.levels_multirange);

CREATE FUNCTION "public"."lowest"("s" public.stay) RETURNS public.floor_number LANGUAGE "sql" IMMUTABLE
AS $$ SELECT lower((s).floors) $$;
