INSERT INTO public.parents (id) VALUES (1);
INSERT INTO public.children (id, parent_id) VALUES (1, 1);
