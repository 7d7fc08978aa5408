INSERT INTO public.orders VALUES (1, 'de', 10), (2, 'us', 20);
