DROP VIEW "public"."alerts";

ALTER TABLE "public"."event_notes" DROP CONSTRAINT "event_notes_event_id_happened_on_fkey";

ALTER TABLE "public"."events" RENAME TO "events_pgform_old";

ALTER INDEX "public"."events_kind_idx" RENAME TO "events_kind_idx_pgform_old";

ALTER INDEX "public"."events_pkey" RENAME TO "events_pkey_pgform_old";

CREATE TABLE "public"."events" (
  "id" bigint NOT NULL,
  "happened_on" date NOT NULL,
  "kind" text DEFAULT 'note'::text NOT NULL
) PARTITION BY RANGE (happened_on);

CREATE TABLE "public"."events_2025" PARTITION OF "public"."events" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE TABLE "public"."events_other" PARTITION OF "public"."events" DEFAULT;

-- hazard REWRITES_TABLE: copies every row of public.events into the table that replaces it, under an exclusive lock on both until the migration commits
INSERT INTO "public"."events" ("id", "happened_on", "kind")
SELECT "id", "happened_on", "kind" FROM "public"."events_pgform_old";

DROP TABLE "public"."events_pgform_old";

ALTER TABLE "public"."events" ADD CONSTRAINT "events_pkey" PRIMARY KEY ("id", "happened_on");

ALTER TABLE "public"."event_notes" ADD CONSTRAINT "event_notes_event_id_happened_on_fkey" FOREIGN KEY ("event_id", "happened_on") REFERENCES "public"."events" ("id", "happened_on") ON DELETE CASCADE;

CREATE INDEX "events_kind_idx" ON "public"."events" USING "btree" (kind);

CREATE VIEW "public"."alerts" AS
SELECT id,
    happened_on
   FROM public.events
  WHERE kind = 'alert'::text;
