-- hazard BREAKS_ACCESS: revokes UPDATE on sequence public.invoice_numbers from anon, a role the API uses: requests relying on it start failing
REVOKE UPDATE ON SEQUENCE "public"."invoice_numbers" FROM "anon";

-- hazard BREAKS_ACCESS: revokes UPDATE on sequence public.invoice_numbers from authenticated, a role the API uses: requests relying on it start failing
REVOKE UPDATE ON SEQUENCE "public"."invoice_numbers" FROM "authenticated";
