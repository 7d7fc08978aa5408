INSERT INTO public.events_2024 VALUES (1, '2024-05-01', 'kept where it is'), (2, '2024-06-01', NULL);
