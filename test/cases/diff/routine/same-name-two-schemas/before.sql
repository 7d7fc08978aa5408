CREATE SCHEMA app;
CREATE FUNCTION public.ping() RETURNS text LANGUAGE sql AS $$SELECT 'public'$$;
CREATE FUNCTION app.ping() RETURNS text LANGUAGE sql AS $$SELECT 'app'$$;
COMMENT ON FUNCTION app.ping() IS 'app ping';
