INSERT INTO public.refunds (order_id) VALUES (1);
