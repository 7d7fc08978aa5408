CREATE SEQUENCE public.invoice_numbers START 1000;
REVOKE UPDATE ON SEQUENCE public.invoice_numbers FROM anon, authenticated;
