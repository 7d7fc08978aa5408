INSERT INTO public.notes (owner_id) VALUES (gen_random_uuid());
