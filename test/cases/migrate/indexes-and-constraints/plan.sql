ALTER INDEX "public"."children_parent" RENAME TO "children_parent_rank";

ALTER TABLE "public"."children" DROP CONSTRAINT "children_parent_id_fkey";

ALTER TABLE "public"."children" DROP CONSTRAINT "children_rank_positive";

DROP INDEX "public"."children_label";

DROP INDEX "public"."children_parent_rank";

ALTER TABLE "public"."children" ADD CONSTRAINT "children_parent_id_rank_key" UNIQUE ("parent_id", "rank");

ALTER TABLE "public"."children" ADD CONSTRAINT "children_rank_positive" CHECK (rank > 0 AND rank < 1000);

ALTER TABLE "public"."children" ADD CONSTRAINT "children_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."parents" ("id") ON DELETE SET NULL;

-- hazard LONG_LOCK: building children_label blocks writes to public.children until it finishes
CREATE INDEX "children_label" ON "public"."children" USING "btree" (lower(label)) WHERE ((label IS NOT NULL));

-- hazard LONG_LOCK: building children_parent_rank blocks writes to public.children until it finishes
CREATE INDEX "children_parent_rank" ON "public"."children" USING "btree" (parent_id, rank DESC);
