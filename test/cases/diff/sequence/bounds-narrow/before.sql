CREATE SEQUENCE public.ticket_numbers AS smallint MAXVALUE 30000;
CREATE SEQUENCE public.invoice_numbers;
