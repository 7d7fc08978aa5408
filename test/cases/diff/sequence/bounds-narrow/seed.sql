SELECT nextval('public.ticket_numbers'), nextval('public.ticket_numbers');
SELECT setval('public.invoice_numbers', 50);
