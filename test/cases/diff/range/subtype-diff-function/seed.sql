INSERT INTO public.shifts VALUES (1), (2);
