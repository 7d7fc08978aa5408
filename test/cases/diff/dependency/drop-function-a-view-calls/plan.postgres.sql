DROP VIEW "public"."invoice_tax";

DROP FUNCTION "public"."tax"(numeric);

CREATE VIEW "public"."invoice_tax" AS
SELECT invoices.id,
    invoices.amount * 0.25 AS tax
   FROM public.invoices;
