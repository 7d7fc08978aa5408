CREATE FOREIGN DATA WRAPPER pgform_dummy;
CREATE SERVER pgform_remote FOREIGN DATA WRAPPER pgform_dummy;
CREATE FOREIGN TABLE public.remote_orders (id integer, total numeric) SERVER pgform_remote;
CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric);
