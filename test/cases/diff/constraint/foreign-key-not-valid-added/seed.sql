INSERT INTO public.children (id, parent_id) VALUES (1, 42);
