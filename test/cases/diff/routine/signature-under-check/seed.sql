INSERT INTO public.products VALUES (1, 'AB'), (2, 'CD');
