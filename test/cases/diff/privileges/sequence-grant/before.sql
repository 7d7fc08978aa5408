CREATE SCHEMA billing;
CREATE SEQUENCE billing.invoice_numbers START 1000;
GRANT SELECT ON SEQUENCE billing.invoice_numbers TO authenticated;
