CREATE FUNCTION public.base(x bigint) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT (x * 2)::integer$$;
CREATE FUNCTION public.derived(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN public.base(x) + 1;
CREATE FUNCTION public.summed(x integer) RETURNS integer LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
  SELECT public.derived(x) + public.base(x);
END;
