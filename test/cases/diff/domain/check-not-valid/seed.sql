INSERT INTO public.line_items VALUES (1, 'ABC-1', 3), (2, 'XYZ-22', 5000);
