CREATE TABLE public.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text NOT NULL);
CREATE FUNCTION public.log_event(k text) RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO public.events (kind) VALUES (k);
  SELECT count(*) FROM public.events WHERE kind = k;
END;
CREATE PROCEDURE public.clear_events() LANGUAGE sql
BEGIN ATOMIC
  DELETE FROM public.events;
END;
