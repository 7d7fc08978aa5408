INSERT INTO public.orders VALUES (1, 'open', 'first');
