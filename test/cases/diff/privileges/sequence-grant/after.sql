CREATE SCHEMA billing;
CREATE SEQUENCE billing.invoice_numbers START 1000;
GRANT SELECT ON SEQUENCE billing.invoice_numbers TO authenticated;
GRANT USAGE, SELECT ON SEQUENCE billing.invoice_numbers TO authenticator;
GRANT UPDATE ON SEQUENCE billing.invoice_numbers TO service_role;
