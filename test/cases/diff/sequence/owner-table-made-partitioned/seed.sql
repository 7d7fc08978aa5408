INSERT INTO public.refunds (order_id) VALUES (1);
INSERT INTO public.orders (placed_on, total) VALUES ('2025-02-01', 10), ('2025-03-01', 20);
