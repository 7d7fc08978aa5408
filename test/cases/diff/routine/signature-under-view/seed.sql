INSERT INTO public.scores VALUES (1, 10);
