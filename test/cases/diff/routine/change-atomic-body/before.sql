CREATE TABLE public.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text NOT NULL);
CREATE FUNCTION public.count_events(k text) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM public.events WHERE kind = k;
END;
GRANT EXECUTE ON FUNCTION public.count_events(text) TO authenticated;
