INSERT INTO public.orders (placed_on, total) VALUES ('2025-01-10', 5), ('2025-04-01', 7), ('2025-09-30', NULL);
INSERT INTO public.order_lines VALUES (1, '2025-01-10', 'tea'), (2, '2025-04-01', 'cups'), (3, '2025-09-30', 'tea');
