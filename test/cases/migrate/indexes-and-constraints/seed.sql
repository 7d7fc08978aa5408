INSERT INTO public.parents (code) VALUES ('p'); INSERT INTO public.children (parent_id, rank, label) SELECT id, 1, 'x' FROM public.parents;
