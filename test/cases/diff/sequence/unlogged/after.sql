CREATE UNLOGGED SEQUENCE public.invoice_numbers START 1000;
CREATE SEQUENCE public.cache_keys;
CREATE UNLOGGED SEQUENCE public.scratch_ids INCREMENT 10 CACHE 20;
CREATE TABLE public.invoices (number bigint PRIMARY KEY DEFAULT nextval('public.invoice_numbers'));
