-- hazard BREAKS_ACCESS: revokes EXECUTE on routine public.score from PUBLIC, a role the API uses: requests relying on it start failing
REVOKE EXECUTE ON FUNCTION "public"."score"(integer) FROM PUBLIC;

-- hazard BREAKS_ACCESS: revokes EXECUTE on routine public.score from anon, a role the API uses: requests relying on it start failing
REVOKE EXECUTE ON FUNCTION "public"."score"(integer) FROM "anon";
