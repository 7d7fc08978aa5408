DROP POLICY "tags_visible" ON "public"."tags";

DROP VIEW "public"."tag_labels";

-- hazard LONG_LOCK: changing the collation of public.tags.label rebuilds its indexes under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
ALTER TABLE "public"."tags" ALTER COLUMN "label" TYPE text COLLATE "POSIX";

CREATE VIEW "public"."tag_labels" AS
SELECT tags.id,
    tags.label
   FROM public.tags
  ORDER BY tags.label;

CREATE POLICY "tags_visible" ON "public"."tags" AS PERMISSIVE FOR SELECT TO PUBLIC USING ((label <> 'hidden'::text));
