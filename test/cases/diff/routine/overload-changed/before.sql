CREATE FUNCTION public.label(v integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT 'int ' || v$$;
CREATE FUNCTION public.label(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT 'text ' || v$$;
COMMENT ON FUNCTION public.label(integer) IS 'int one';
COMMENT ON FUNCTION public.label(text) IS 'text one';
