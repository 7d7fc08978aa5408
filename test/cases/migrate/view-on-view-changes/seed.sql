INSERT INTO public.sales (region, amount, rep) VALUES ('north', 120, 'ann'), ('south', 20, NULL);
