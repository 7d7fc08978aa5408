INSERT INTO public.customers VALUES (1), (2);
INSERT INTO public.orders VALUES (1, 'de', 1), (2, 'us', 2), (3, 'fr', NULL);
