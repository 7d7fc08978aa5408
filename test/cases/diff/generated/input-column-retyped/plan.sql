DROP INDEX CONCURRENTLY "public"."line_items_total_idx";

ALTER TABLE "public"."line_items" DROP COLUMN "total";

-- hazard REWRITES_TABLE: changing public.line_items.unit_price from integer to numeric(12,2) rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
-- hazard DELETES_DATA: values of public.line_items.unit_price that do not fit numeric(12,2) fail the cast or lose precision
ALTER TABLE "public"."line_items" ALTER COLUMN "unit_price" TYPE numeric(12,2) USING "unit_price"::numeric(12,2);

-- hazard REWRITES_TABLE: re-adds public.line_items.total once public.line_items.unit_price has its new type: computes it for every row of public.line_items under an exclusive lock
ALTER TABLE "public"."line_items" ADD COLUMN "total" numeric(14,2) GENERATED ALWAYS AS ((unit_price * (quantity)::numeric)) STORED;

CREATE INDEX CONCURRENTLY "line_items_total_idx" ON "public"."line_items" USING "btree" (total);

COMMENT ON COLUMN "public"."line_items"."total" IS 'price times quantity';
