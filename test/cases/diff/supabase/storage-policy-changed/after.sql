-- The update policy gains a check; the delete policy becomes an all-commands policy (drop + create).
CREATE POLICY "users replace their own avatar" ON storage.objects FOR UPDATE TO authenticated
  USING (bucket_id = 'avatars' AND owner = auth.uid())
  WITH CHECK (bucket_id = 'avatars' AND (storage.foldername(name))[1] = auth.uid()::text);
CREATE POLICY "users remove their own avatar" ON storage.objects FOR ALL TO authenticated
  USING (bucket_id = 'avatars' AND owner = auth.uid());
