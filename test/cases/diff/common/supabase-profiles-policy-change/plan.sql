ALTER POLICY "Public profiles are viewable by everyone." ON "public"."profiles" TO "authenticated" USING (true);
