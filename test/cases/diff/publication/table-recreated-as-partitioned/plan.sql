ALTER TABLE "public"."messages" RENAME TO "messages_pgform_old";

ALTER INDEX "public"."messages_pkey" RENAME TO "messages_pkey_pgform_old";

CREATE TABLE "public"."messages" (
  "id" bigint NOT NULL,
  "sent_at" date NOT NULL,
  "body" text
) PARTITION BY RANGE (sent_at);

CREATE TABLE "public"."messages_2025" PARTITION OF "public"."messages" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- hazard REWRITES_TABLE: copies every row of public.messages into the table that replaces it, under an exclusive lock on both until the migration commits
-- hazard MAY_FAIL: a row that fits no partition of public.messages stops the copy, and with it the migration
INSERT INTO "public"."messages" ("id", "sent_at", "body")
SELECT "id", "sent_at", "body" FROM "public"."messages_pgform_old";

DROP TABLE "public"."messages_pgform_old";

ALTER TABLE "public"."messages" ADD CONSTRAINT "messages_pkey" PRIMARY KEY ("id", "sent_at");

ALTER PUBLICATION "chat" ADD TABLE "public"."messages" ("id", "sent_at", "body");
