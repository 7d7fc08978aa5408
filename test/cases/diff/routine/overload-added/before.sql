CREATE FUNCTION public.label(v integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT 'int ' || v$$;
