CREATE SCHEMA private;
CREATE FUNCTION private.score(p integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p * 2 $$;
REVOKE EXECUTE ON FUNCTION private.score(integer) FROM PUBLIC;
