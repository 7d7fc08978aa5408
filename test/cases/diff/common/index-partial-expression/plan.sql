CREATE UNIQUE INDEX CONCURRENTLY "u_email_lower" ON "public"."u" USING "btree" (lower(email)) WHERE ((deleted_at IS NULL));
