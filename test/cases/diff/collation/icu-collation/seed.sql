INSERT INTO public.words VALUES (1, 'a'), (2, 'B');
