INSERT INTO public.measurements VALUES ('2024-05-01', '{}', 1);
