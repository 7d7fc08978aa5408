INSERT INTO public.contacts VALUES (1, 'a@b');
