DROP VIEW "billing"."open_invoices";

-- hazard DELETES_DATA: drops table billing.invoices and all its rows
DROP TABLE "billing"."invoices";

DROP FUNCTION "billing"."open_total"();

-- hazard DELETES_DATA: drops domain billing.cents
DROP DOMAIN "billing"."cents";

-- hazard DELETES_DATA: drops sequence billing.invoice_no and its position
DROP SEQUENCE "billing"."invoice_no";

-- hazard DELETES_DATA: drops enum billing.status
DROP TYPE "billing"."status";

-- hazard DELETES_DATA: drops schema billing
DROP SCHEMA "billing";
