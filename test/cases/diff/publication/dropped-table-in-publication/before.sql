CREATE TABLE public.orders (id bigint PRIMARY KEY, status text, total numeric);
CREATE TABLE public.customers (id bigint PRIMARY KEY, name text);
CREATE TABLE public.drafts (id bigint PRIMARY KEY);
CREATE PUBLICATION orders_feed FOR TABLE public.orders, public.drafts;
ALTER PUBLICATION supabase_realtime ADD TABLE public.drafts;
