CREATE TABLE public.orders (id bigint PRIMARY KEY, status text, total numeric);
CREATE TABLE public.customers (id bigint PRIMARY KEY, name text);
ALTER PUBLICATION supabase_realtime ADD TABLE public.customers;
