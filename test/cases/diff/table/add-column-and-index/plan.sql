ALTER TABLE "public"."notes" ADD COLUMN "author_id" uuid;

ALTER TABLE "public"."notes" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;

ALTER TABLE "public"."notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "auth"."users" ("id") ON DELETE CASCADE NOT VALID;

ALTER TABLE "public"."notes" VALIDATE CONSTRAINT "notes_author_id_fkey";

CREATE INDEX CONCURRENTLY "notes_author_id_idx" ON "public"."notes" USING "btree" (author_id);

COMMENT ON COLUMN "public"."notes"."author_id" IS 'Who wrote it';
