-- New bounds that exclude the position: the sequence restarts at its new START.
CREATE SEQUENCE public.ticket_numbers AS bigint MINVALUE 10 START 10 INCREMENT 2 CYCLE;
-- New bounds that keep the position (the seed moved it to 50): it stays.
CREATE SEQUENCE public.invoice_numbers MINVALUE 10 START 10;
