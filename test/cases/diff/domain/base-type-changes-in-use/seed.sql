INSERT INTO public.payments VALUES (1, 40), (2, 900);
