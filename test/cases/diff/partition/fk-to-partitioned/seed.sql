INSERT INTO public.orders VALUES (1, 'de', 10), (2, 'us', 20);
INSERT INTO public.shipments VALUES (1, 1, 'de');
