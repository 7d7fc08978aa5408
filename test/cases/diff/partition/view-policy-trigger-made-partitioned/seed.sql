INSERT INTO public.readings VALUES ('roof', '2025-01-01 10:00+00', 3.5), ('cellar', '2025-01-01 10:00+00', 12), ('roof', '2025-01-02 10:00+00', NULL);
