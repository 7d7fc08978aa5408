CREATE SEQUENCE public.invoice_numbers START 1000;
