CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric);
CREATE INDEX orders_total ON public.orders (total);
