INSERT INTO public.events_2024 VALUES (1, '2024-03-01', 'a');
