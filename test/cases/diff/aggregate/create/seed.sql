INSERT INTO public.scores VALUES (1, 'ann', 10);
