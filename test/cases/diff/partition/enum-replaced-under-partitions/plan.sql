-- hazard LONG_LOCK: PostgreSQL drops no index of a partitioned table CONCURRENTLY: dropping events_clicks_idx takes an ACCESS EXCLUSIVE lock on public.events and each partition (brief, no rows read, but writes queue behind it while it waits for that lock; lock_timeout bounds the wait). To avoid it, detach each partition (DETACH PARTITION ... CONCURRENTLY), drop its copy of the index CONCURRENTLY, then drop the parent's index and attach the partitions again
DROP INDEX "public"."events_clicks_idx";

ALTER TYPE "public"."event_kind" RENAME TO "event_kind_pgform_old";

CREATE TYPE "public"."event_kind" AS ENUM ('click', 'view');

ALTER TABLE "public"."audit" ALTER COLUMN "kind" DROP DEFAULT;

-- hazard DELETES_DATA: values 'legacy' leave public.event_kind: rows of public.audit.kind holding them fail the conversion
ALTER TABLE "public"."audit" ALTER COLUMN "kind" TYPE public.event_kind USING "kind"::text::public.event_kind;

ALTER TABLE "public"."events" ALTER COLUMN "kind" DROP DEFAULT;

-- hazard DELETES_DATA: values 'legacy' leave public.event_kind: rows of public.events.kind holding them fail the conversion
ALTER TABLE "public"."events" ALTER COLUMN "kind" TYPE public.event_kind USING "kind"::text::public.event_kind;

ALTER TABLE "public"."events" ALTER COLUMN "kind" SET DEFAULT 'view'::public.event_kind;

DROP TYPE "public"."event_kind_pgform_old";

CREATE INDEX "events_clicks_idx" ON ONLY "public"."events" USING "btree" (at) WHERE ((kind = 'click'::public.event_kind));

CREATE INDEX CONCURRENTLY "events_2024_at_idx" ON "public"."events_2024" USING "btree" (at) WHERE ((kind = 'click'::public.event_kind));

ALTER INDEX "public"."events_clicks_idx" ATTACH PARTITION "public"."events_2024_at_idx";

CREATE INDEX "events_2025_at_idx" ON ONLY "public"."events_2025" USING "btree" (at) WHERE ((kind = 'click'::public.event_kind));

CREATE INDEX CONCURRENTLY "events_2025_h0_at_idx" ON "public"."events_2025_h0" USING "btree" (at) WHERE ((kind = 'click'::public.event_kind));

ALTER INDEX "public"."events_2025_at_idx" ATTACH PARTITION "public"."events_2025_h0_at_idx";

CREATE INDEX CONCURRENTLY "events_2025_h1_at_idx" ON "public"."events_2025_h1" USING "btree" (at) WHERE ((kind = 'click'::public.event_kind));

ALTER INDEX "public"."events_2025_at_idx" ATTACH PARTITION "public"."events_2025_h1_at_idx";

ALTER INDEX "public"."events_clicks_idx" ATTACH PARTITION "public"."events_2025_at_idx";
