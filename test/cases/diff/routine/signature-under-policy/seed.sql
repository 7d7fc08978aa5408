INSERT INTO public.notes VALUES (1, gen_random_uuid());
