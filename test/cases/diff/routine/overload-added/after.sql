CREATE FUNCTION public.label(v integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT 'int ' || v$$;
CREATE FUNCTION public.label(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT 'text ' || v$$;
CREATE FUNCTION public.label(v integer, w integer) RETURNS text LANGUAGE sql IMMUTABLE RETURN 'pair ' || v || w;
REVOKE EXECUTE ON FUNCTION public.label(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.label(text) TO authenticated;
COMMENT ON FUNCTION public.label(integer, integer) IS 'the pair one';
