INSERT INTO public.sales VALUES (1, 'north', 10);
