INSERT INTO public.addresses VALUES (1, 'Lyon', '69001', 'FR');
