INSERT INTO public.products VALUES (1, 'b'), (2, 'A');
