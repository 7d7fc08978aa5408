-- hazard BREAKS_ACCESS: revokes DELETE, INSERT, UPDATE on table public.posts from anon, a role the API uses: requests relying on it start failing
REVOKE DELETE, INSERT, UPDATE ON TABLE "public"."posts" FROM "anon";
