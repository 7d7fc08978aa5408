INSERT INTO public.customers VALUES (1, 'Ada'), (2, 'Grace');
