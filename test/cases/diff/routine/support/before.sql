CREATE FUNCTION public.matches(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a LIKE b $$;
CREATE FUNCTION public.matches_ci(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE SUPPORT textlike_support AS $$ SELECT a ILIKE b $$;
