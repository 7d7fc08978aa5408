CREATE TABLE public.invoices (id integer PRIMARY KEY, amount numeric NOT NULL);
CREATE VIEW public.invoice_tax AS SELECT id, amount * 0.25 AS tax FROM public.invoices;
