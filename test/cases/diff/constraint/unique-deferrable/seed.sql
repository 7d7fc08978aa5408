INSERT INTO public.slots (id, position) VALUES (1, 1), (2, 2);
