CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(10,2), status text);
CREATE VIEW public.open_orders AS SELECT id, total FROM public.orders WHERE status = 'open';
