ALTER INDEX "public"."children_parent" RENAME TO "children_parent_rank";

ALTER TABLE "public"."children" DROP CONSTRAINT "children_parent_id_fkey";

ALTER TABLE "public"."children" DROP CONSTRAINT "children_rank_positive";

DROP INDEX CONCURRENTLY "public"."children_label";

DROP INDEX CONCURRENTLY "public"."children_parent_rank";

CREATE UNIQUE INDEX CONCURRENTLY "children_parent_id_rank_key" ON "public"."children" USING "btree" ("parent_id", "rank");

ALTER TABLE "public"."children" ADD CONSTRAINT "children_parent_id_rank_key" UNIQUE USING INDEX "children_parent_id_rank_key";

ALTER TABLE "public"."children" ADD CONSTRAINT "children_rank_positive" CHECK (rank > 0 AND rank < 1000) NOT VALID;

ALTER TABLE "public"."children" VALIDATE CONSTRAINT "children_rank_positive";

ALTER TABLE "public"."children" ADD CONSTRAINT "children_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."parents" ("id") ON DELETE SET NULL NOT VALID;

ALTER TABLE "public"."children" VALIDATE CONSTRAINT "children_parent_id_fkey";

CREATE INDEX CONCURRENTLY "children_label" ON "public"."children" USING "btree" (lower(label)) WHERE ((label IS NOT NULL));

CREATE INDEX CONCURRENTLY "children_parent_rank" ON "public"."children" USING "btree" (parent_id, rank DESC);
