INSERT INTO public.orders (id, region) VALUES (1, 'de'), (2, 'us');
