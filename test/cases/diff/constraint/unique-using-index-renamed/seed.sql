INSERT INTO public.items (id, code) VALUES (1, 'a');
