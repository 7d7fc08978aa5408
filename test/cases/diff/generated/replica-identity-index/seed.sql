INSERT INTO public.parcels VALUES (1, 'de', 'x1'), (2, 'fr', 'x2');
