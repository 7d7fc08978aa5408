INSERT INTO public.orders VALUES (1, 'de', 1, 10), (2, 'us', 1, 20);
