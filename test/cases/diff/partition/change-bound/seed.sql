INSERT INTO public.events VALUES (1, '2024-03-01', 'a');
