SET check_function_bodies = false;

ALTER FUNCTION "public"."stamp"() RENAME TO "stamp_note";

DROP POLICY "Owners see notes" ON "public"."notes";

DROP TRIGGER "notes_stamp" ON "public"."notes";

DROP FUNCTION "public"."can_see"(uuid);

CREATE FUNCTION "public"."can_see"("owner" uuid, "shared" boolean DEFAULT false) RETURNS boolean LANGUAGE "sql" STABLE
AS $$SELECT shared OR owner = auth.uid()$$;

CREATE OR REPLACE FUNCTION "public"."stamp_note"() RETURNS trigger LANGUAGE "plpgsql" VOLATILE
AS $$BEGIN NEW.note := coalesce(NEW.note, 'fresh'); RETURN NEW; END;$$;

CREATE TRIGGER "notes_stamp" BEFORE INSERT OR UPDATE ON "public"."notes" FOR EACH ROW EXECUTE FUNCTION "public"."stamp_note"();

CREATE POLICY "Owners see notes" ON "public"."notes" AS PERMISSIVE FOR SELECT TO "authenticated" USING (public.can_see(owner_id, false));
