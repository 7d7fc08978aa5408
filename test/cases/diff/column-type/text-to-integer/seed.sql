INSERT INTO public.events (id, qty) VALUES (1, '12');
