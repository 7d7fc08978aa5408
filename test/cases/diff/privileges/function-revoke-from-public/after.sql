CREATE FUNCTION public.score(p integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p * 2 $$;
REVOKE EXECUTE ON FUNCTION public.score(integer) FROM PUBLIC, anon;
