INSERT INTO public.log_notes VALUES (1, '2024-01-01');
INSERT INTO public.logs VALUES (1, '2024-03-01', 'started'), (2, '2024-07-15', NULL);
