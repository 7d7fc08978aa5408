INSERT INTO public.books VALUES (1, 'a', 'x'); INSERT INTO public.items VALUES (2, 'b');
