DROP STATISTICS "public"."events_kind_day";

ALTER TABLE "public"."events" RENAME TO "events_pgform_old";

ALTER INDEX "public"."events_kind_idx" RENAME TO "events_kind_idx_pgform_old";

ALTER INDEX "public"."events_pkey" RENAME TO "events_pkey_pgform_old";

CREATE TABLE "public"."events" (
  "id" bigint NOT NULL,
  "happened_on" date NOT NULL,
  "kind" text DEFAULT 'note'::text NOT NULL
);

-- hazard REWRITES_TABLE: copies every row of public.events into the table that replaces it, under an exclusive lock on both until the migration commits
INSERT INTO "public"."events" ("id", "happened_on", "kind")
SELECT "id", "happened_on", "kind" FROM "public"."events_pgform_old";

DROP TABLE "public"."events_2024";

DROP TABLE "public"."events_2025";

DROP TABLE "public"."events_pgform_old";

ALTER TABLE "public"."events" ADD CONSTRAINT "events_pkey" PRIMARY KEY ("id", "happened_on");

CREATE INDEX "events_kind_idx" ON "public"."events" USING "btree" (kind);

CREATE STATISTICS "public"."events_kind_day" (dependencies) ON happened_on, kind FROM "public"."events";
