INSERT INTO public.events (id, at) VALUES (1, 1700000000);
