INSERT INTO public.results VALUES (1, 40), (2, 90);
