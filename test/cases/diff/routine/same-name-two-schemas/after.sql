CREATE SCHEMA app;
CREATE FUNCTION public.ping() RETURNS text LANGUAGE sql AS $$SELECT 'public'$$;
CREATE FUNCTION app.ping() RETURNS integer LANGUAGE sql AS $$SELECT 1$$;
CREATE FUNCTION app.ping(n integer) RETURNS integer LANGUAGE sql RETURN n;
REVOKE EXECUTE ON FUNCTION app.ping() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.ping() TO service_role;
COMMENT ON FUNCTION public.ping() IS 'public ping';
