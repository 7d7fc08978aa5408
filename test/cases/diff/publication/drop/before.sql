CREATE TABLE public.orders (id bigint PRIMARY KEY, status text, total numeric);
CREATE TABLE public.customers (id bigint PRIMARY KEY, name text);
CREATE PUBLICATION orders_feed FOR TABLE public.orders;
