CREATE POLICY "Anyone can upload an avatar." ON "storage"."objects" AS PERMISSIVE FOR INSERT TO PUBLIC WITH CHECK ((bucket_id = 'avatars'::text));

CREATE POLICY "Avatar images are publicly accessible." ON "storage"."objects" AS PERMISSIVE FOR SELECT TO PUBLIC USING ((bucket_id = 'avatars'::text));
