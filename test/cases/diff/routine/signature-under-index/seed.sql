INSERT INTO public.people VALUES (1, 'a@x.io'), (2, 'b@x.io');
