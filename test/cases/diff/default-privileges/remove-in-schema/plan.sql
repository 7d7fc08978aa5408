-- hazard BREAKS_ACCESS: revokes SELECT on new tables in reporting from authenticated, a role the API uses: requests relying on it start failing
ALTER DEFAULT PRIVILEGES IN SCHEMA "reporting" REVOKE SELECT ON TABLES FROM "authenticated";

ALTER DEFAULT PRIVILEGES IN SCHEMA "reporting" REVOKE SELECT ON TABLES FROM "authenticator";
