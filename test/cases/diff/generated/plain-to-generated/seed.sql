INSERT INTO public.items (id, price, qty, total) VALUES (1, 2, 3, 6), (2, 5, 1, 5);
