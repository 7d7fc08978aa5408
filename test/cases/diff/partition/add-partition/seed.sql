INSERT INTO public.events VALUES (1, '2024-03-01', 'a'), (2, '2024-07-01', 'b');
