-- hazard LONG_LOCK: building u_email_lower blocks writes to public.u until it finishes
CREATE UNIQUE INDEX "u_email_lower" ON "public"."u" USING "btree" (lower(email)) WHERE ((deleted_at IS NULL));
