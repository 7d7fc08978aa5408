CREATE FUNCTION public.tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 0.2 $$;
CREATE TABLE public.invoices (id integer PRIMARY KEY, amount numeric NOT NULL);
CREATE VIEW public.invoice_tax AS SELECT id, public.tax(amount) AS tax FROM public.invoices;
