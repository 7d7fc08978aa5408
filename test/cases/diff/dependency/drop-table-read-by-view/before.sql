CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric NOT NULL);
CREATE TABLE public.customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE VIEW public.order_totals AS SELECT id, total FROM public.orders;
