DROP POLICY "items_visible" ON "public"."items";

DROP VIEW "public"."item_totals";

ALTER TABLE "public"."items" DROP CONSTRAINT "items_total_non_negative";

DROP INDEX CONCURRENTLY "public"."items_total_idx";

-- hazard DELETES_DATA: the values of public.items.total give way to ones computed by its new generated expression
ALTER TABLE "public"."items" DROP COLUMN "total";

-- hazard REWRITES_TABLE: re-adds public.items.total to change its generated expression: computes it for every row of public.items under an exclusive lock
ALTER TABLE "public"."items" ADD COLUMN "total" integer GENERATED ALWAYS AS ((price * qty)) STORED;

ALTER TABLE "public"."items" ADD CONSTRAINT "items_total_non_negative" CHECK (total >= 0) NOT VALID;

ALTER TABLE "public"."items" VALIDATE CONSTRAINT "items_total_non_negative";

CREATE INDEX CONCURRENTLY "items_total_idx" ON "public"."items" USING "btree" (total);

CREATE VIEW "public"."item_totals" AS
SELECT items.id,
    items.total
   FROM public.items;

CREATE POLICY "items_visible" ON "public"."items" AS PERMISSIVE FOR SELECT TO "anon" USING ((total > 0));

GRANT SELECT ("total") ON TABLE "public"."items" TO "anon";

COMMENT ON INDEX "public"."items_total_idx" IS 'orders by total';

COMMENT ON CONSTRAINT "items_total_non_negative" ON "public"."items" IS 'never below zero';

COMMENT ON COLUMN "public"."items"."total" IS 'price times quantity';
