INSERT INTO public.orders VALUES (1, 150), (2, 50);
