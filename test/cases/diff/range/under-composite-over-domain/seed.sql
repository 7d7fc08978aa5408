INSERT INTO public.rooms VALUES (1), (2);
