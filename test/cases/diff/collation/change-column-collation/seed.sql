INSERT INTO public.words VALUES (1, 'b', 'x'), (2, 'A', NULL);
