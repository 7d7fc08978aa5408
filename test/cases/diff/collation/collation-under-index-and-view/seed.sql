INSERT INTO public.tags VALUES (1, 'b'), (2, 'A'), (3, 'z');
