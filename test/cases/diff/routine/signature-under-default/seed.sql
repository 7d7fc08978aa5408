INSERT INTO public.orders (id) VALUES (1), (2);
