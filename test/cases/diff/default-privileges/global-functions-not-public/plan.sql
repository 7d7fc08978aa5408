-- hazard BREAKS_ACCESS: revokes EXECUTE on new functions from PUBLIC, a role the API uses: requests relying on it start failing
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO "authenticator";
