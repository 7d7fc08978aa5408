INSERT INTO public.jobs VALUES (7, '2025-01-01', 'resize'), (41, '2025-02-01', NULL);
