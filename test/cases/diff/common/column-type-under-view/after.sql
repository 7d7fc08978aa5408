CREATE TABLE public.orders (id bigint PRIMARY KEY, total bigint);
CREATE VIEW public.big_orders AS SELECT id, total FROM public.orders WHERE total > 100;
