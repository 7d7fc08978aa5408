INSERT INTO public.posts VALUES (1, '# title');
