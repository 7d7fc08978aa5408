CREATE SEQUENCE public.invoice_numbers START 1000;
CREATE UNLOGGED SEQUENCE public.cache_keys;
CREATE TABLE public.invoices (number bigint PRIMARY KEY DEFAULT nextval('public.invoice_numbers'));
