INSERT INTO public.items (label, quantity, code) VALUES ('bolt', 3, 'B1'), ('nut', 10, 'N1');
