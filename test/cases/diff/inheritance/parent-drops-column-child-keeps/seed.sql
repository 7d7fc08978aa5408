INSERT INTO public.books VALUES (1, 'a', 9.5, 'x'); INSERT INTO public.items VALUES (2, 'b', 3); INSERT INTO public.magazines VALUES (3, 'c', 4, 7);
