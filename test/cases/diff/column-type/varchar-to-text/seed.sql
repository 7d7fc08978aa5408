INSERT INTO public.events (id, note) VALUES (1, 'x');
