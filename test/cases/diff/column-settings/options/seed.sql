INSERT INTO public.visits VALUES (1, 7, 'se', '/');
