INSERT INTO public.log_notes VALUES (1, '2024-01-01');
