INSERT INTO public.items VALUES (1, 'a'), (2, 'b');
