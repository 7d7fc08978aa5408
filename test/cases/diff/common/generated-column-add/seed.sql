INSERT INTO public.t VALUES (1, 'a', 'b');
