GRANT SELECT, USAGE ON SEQUENCE "billing"."invoice_numbers" TO "authenticator";

GRANT UPDATE ON SEQUENCE "billing"."invoice_numbers" TO "service_role";
