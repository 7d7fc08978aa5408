INSERT INTO public.events VALUES (1, 'de', '2024-03-01', 'a', 10), (2, 'fr', '2025-05-01', 'b', 0), (3, 'us', '2025-01-02', 'c', 7);
