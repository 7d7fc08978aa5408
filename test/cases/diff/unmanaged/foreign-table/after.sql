CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric);
