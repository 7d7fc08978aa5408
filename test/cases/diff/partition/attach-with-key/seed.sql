INSERT INTO public.orders_us VALUES (1, 'us', 10);
