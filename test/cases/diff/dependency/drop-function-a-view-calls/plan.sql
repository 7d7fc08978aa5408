DROP VIEW "public"."invoice_tax";

DROP FUNCTION "public"."tax"(numeric);

CREATE VIEW "public"."invoice_tax" AS
SELECT id,
    amount * 0.25 AS tax
   FROM public.invoices;
