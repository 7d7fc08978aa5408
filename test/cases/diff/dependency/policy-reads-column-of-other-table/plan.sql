DROP POLICY "team_members" ON "public"."documents";

-- hazard REWRITES_TABLE: changing public.teams.member from text to uuid rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
-- hazard DELETES_DATA: values of public.teams.member that do not fit uuid fail the cast or lose precision
ALTER TABLE "public"."teams" ALTER COLUMN "member" TYPE uuid USING "member"::uuid;

CREATE POLICY "team_members" ON "public"."documents" AS PERMISSIVE FOR SELECT TO "authenticated" USING ((EXISTS ( SELECT 1
   FROM public.teams t
  WHERE ((t.id = documents.team_id) AND (t.member = auth.uid())))));
