INSERT INTO public.paint VALUES (1, 'red'), (2, 'blue');
