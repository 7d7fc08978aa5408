INSERT INTO public.customers VALUES (1, ROW('Main St 1', '12345', 'Springfield'));
