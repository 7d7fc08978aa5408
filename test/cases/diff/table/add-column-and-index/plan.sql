ALTER TABLE "public"."notes" ADD COLUMN "author_id" uuid;

ALTER TABLE "public"."notes" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;

ALTER TABLE "public"."notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "auth"."users" ("id") ON DELETE CASCADE;

-- hazard LONG_LOCK: building notes_author_id_idx blocks writes to public.notes until it finishes
CREATE INDEX "notes_author_id_idx" ON "public"."notes" USING "btree" (author_id);

COMMENT ON COLUMN "public"."notes"."author_id" IS 'Who wrote it';
