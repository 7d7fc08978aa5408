INSERT INTO public.notes VALUES (1, 'hello');
