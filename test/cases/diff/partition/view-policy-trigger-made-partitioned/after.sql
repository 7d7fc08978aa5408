CREATE FUNCTION public.note_reading() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TABLE public.readings (
  sensor text NOT NULL,
  taken_at timestamptz NOT NULL,
  value double precision
) PARTITION BY LIST (sensor);
CREATE TABLE public.readings_roof PARTITION OF public.readings FOR VALUES IN ('roof');
CREATE TABLE public.readings_other PARTITION OF public.readings DEFAULT;
ALTER TABLE public.readings ENABLE ROW LEVEL SECURITY;
CREATE POLICY readings_read ON public.readings FOR SELECT TO authenticated USING (sensor <> '');
REVOKE ALL ON public.readings FROM anon, authenticated;
GRANT SELECT ON public.readings TO authenticated;
GRANT SELECT (sensor) ON public.readings TO anon;
CREATE TRIGGER readings_noted AFTER INSERT ON public.readings FOR EACH ROW EXECUTE FUNCTION public.note_reading();
COMMENT ON TABLE public.readings IS 'one row per reading';
CREATE VIEW public.latest_readings AS SELECT sensor, max(taken_at) AS taken_at FROM public.readings GROUP BY sensor;
REVOKE ALL ON public.latest_readings FROM anon, authenticated;
GRANT SELECT ON public.latest_readings TO anon;
