-- A bucket's policies on Supabase Storage's own table, which the definitions do not manage.
CREATE TABLE public.documents (id uuid PRIMARY KEY, owner uuid NOT NULL);
CREATE POLICY "avatars are public" ON storage.objects FOR SELECT USING (bucket_id = 'avatars');
CREATE POLICY "users upload their own avatar" ON storage.objects FOR INSERT TO authenticated
  WITH CHECK (bucket_id = 'avatars' AND (storage.foldername(name))[1] = auth.uid()::text);
CREATE POLICY "owners read their documents" ON storage.objects AS RESTRICTIVE FOR SELECT TO authenticated
  USING (bucket_id <> 'documents' OR EXISTS (SELECT 1 FROM public.documents d WHERE d.id::text = storage.objects.name AND d.owner = auth.uid()));
CREATE POLICY "buckets are listed" ON storage.buckets FOR SELECT TO anon, authenticated USING (true);
COMMENT ON POLICY "avatars are public" ON storage.objects IS 'Profile pictures are public.';
