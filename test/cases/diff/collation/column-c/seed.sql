INSERT INTO public.words VALUES (1), (2);
