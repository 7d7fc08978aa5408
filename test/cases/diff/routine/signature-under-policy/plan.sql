SET check_function_bodies = false;

DROP POLICY "own notes" ON "public"."notes";

DROP FUNCTION "public"."is_owner"(uuid);

CREATE FUNCTION "public"."is_owner"("owner" uuid) RETURNS boolean LANGUAGE "sql" STABLE
AS $$SELECT owner = auth.uid()$$;

CREATE POLICY "own notes" ON "public"."notes" AS PERMISSIVE FOR SELECT TO "authenticated" USING (public.is_owner(owner_id));
