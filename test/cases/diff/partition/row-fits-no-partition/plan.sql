ALTER TABLE "public"."tickets" RENAME TO "tickets_pgform_old";

CREATE TABLE "public"."tickets" (
  "id" bigint NOT NULL,
  "opened_on" date NOT NULL,
  "title" text
) PARTITION BY RANGE (opened_on);

CREATE TABLE "public"."tickets_2025" PARTITION OF "public"."tickets" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- hazard REWRITES_TABLE: copies every row of public.tickets into the table that replaces it, under an exclusive lock on both until the migration commits
-- hazard MAY_FAIL: a row that fits no partition of public.tickets stops the copy, and with it the migration
INSERT INTO "public"."tickets" ("id", "opened_on", "title")
SELECT "id", "opened_on", "title" FROM "public"."tickets_pgform_old";

DROP TABLE "public"."tickets_pgform_old";
