INSERT INTO public.items VALUES (2, 'b');
