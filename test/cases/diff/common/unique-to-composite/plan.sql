ALTER TABLE "public"."t" DROP CONSTRAINT "t_slug_key";

CREATE UNIQUE INDEX CONCURRENTLY "t_org_slug_key" ON "public"."t" USING "btree" ("org", "slug");

ALTER TABLE "public"."t" ADD CONSTRAINT "t_org_slug_key" UNIQUE USING INDEX "t_org_slug_key";
