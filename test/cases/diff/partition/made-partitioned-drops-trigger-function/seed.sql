INSERT INTO public.logs VALUES (1, '2025-01-01'), (2, '2031-12-31');
