INSERT INTO public.items (id, name) VALUES (1, 'a');
