INSERT INTO public.orders VALUES (1, 'us', 10);
