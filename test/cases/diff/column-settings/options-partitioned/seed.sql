INSERT INTO public.readings VALUES ('2024-05-01', 1);
