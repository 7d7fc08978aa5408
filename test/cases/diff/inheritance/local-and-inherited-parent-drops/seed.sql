INSERT INTO public.books VALUES (1, 'a', 9.5, 'x'); INSERT INTO public.items VALUES (2, 'b');
