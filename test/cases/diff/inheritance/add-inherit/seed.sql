INSERT INTO public.books VALUES (1, 'a', 'x');
