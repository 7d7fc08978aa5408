INSERT INTO public.settings VALUES (1, 'a=>1');
