DROP POLICY "users remove their own avatar" ON "storage"."objects";

CREATE POLICY "users remove their own avatar" ON "storage"."objects" AS PERMISSIVE FOR ALL TO "authenticated" USING (((bucket_id = 'avatars'::text) AND (owner = auth.uid())));

ALTER POLICY "users replace their own avatar" ON "storage"."objects" TO "authenticated" USING (((bucket_id = 'avatars'::text) AND (owner = auth.uid()))) WITH CHECK (((bucket_id = 'avatars'::text) AND ((storage.foldername(name))[1] = (auth.uid())::text)));
