-- hazard BREAKS_ACCESS: revokes SELECT on column public.profiles.email from anon, a role the API uses: requests relying on it start failing
REVOKE SELECT ("email") ON TABLE "public"."profiles" FROM "anon";
