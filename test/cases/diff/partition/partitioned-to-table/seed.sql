INSERT INTO public.events VALUES (1, '2024-05-01', 'note'), (2, '2025-02-01', 'alert'), (3, '2025-03-01', DEFAULT);
