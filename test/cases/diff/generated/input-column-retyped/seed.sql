INSERT INTO public.line_items (id, unit_price, quantity, label) VALUES (1, 250, 4, 'pens');
