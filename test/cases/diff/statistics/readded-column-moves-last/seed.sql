INSERT INTO public.orders (id, net, region) VALUES (1, 100, 'north'), (2, 50, 'south');
