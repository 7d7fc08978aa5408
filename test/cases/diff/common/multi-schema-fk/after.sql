CREATE SCHEMA billing;
CREATE TABLE public.accounts (id uuid PRIMARY KEY);
CREATE TABLE billing.invoices (id uuid PRIMARY KEY, account_id uuid NOT NULL REFERENCES public.accounts (id), amount numeric(12,2) NOT NULL CHECK (amount >= 0));
