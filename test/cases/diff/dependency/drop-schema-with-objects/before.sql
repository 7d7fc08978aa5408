CREATE SCHEMA billing;
CREATE TYPE billing.status AS ENUM ('open', 'paid');
CREATE DOMAIN billing.cents AS bigint CHECK (VALUE >= 0);
CREATE SEQUENCE billing.invoice_no;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY DEFAULT nextval('billing.invoice_no'), status billing.status NOT NULL, total billing.cents NOT NULL);
CREATE FUNCTION billing.open_total() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT sum(total) FROM billing.invoices WHERE status = 'open' $$;
CREATE VIEW billing.open_invoices AS SELECT id, total FROM billing.invoices WHERE status = 'open';
CREATE TABLE public.notes (id integer PRIMARY KEY);
