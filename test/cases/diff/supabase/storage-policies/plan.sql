CREATE POLICY "buckets are listed" ON "storage"."buckets" AS PERMISSIVE FOR SELECT TO "anon", "authenticated" USING (true);

CREATE POLICY "avatars are public" ON "storage"."objects" AS PERMISSIVE FOR SELECT TO PUBLIC USING ((bucket_id = 'avatars'::text));

CREATE POLICY "owners read their documents" ON "storage"."objects" AS RESTRICTIVE FOR SELECT TO "authenticated" USING (((bucket_id <> 'documents'::text) OR (EXISTS ( SELECT 1
   FROM public.documents d
  WHERE (((d.id)::text = objects.name) AND (d.owner = auth.uid()))))));

CREATE POLICY "users upload their own avatar" ON "storage"."objects" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (((bucket_id = 'avatars'::text) AND ((storage.foldername(name))[1] = (auth.uid())::text)));

COMMENT ON POLICY "avatars are public" ON "storage"."objects" IS 'Profile pictures are public.';
