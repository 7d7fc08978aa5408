ALTER TABLE "public"."stores" DROP CONSTRAINT "stores_region_fkey";

ALTER TABLE "public"."subscriptions" DROP CONSTRAINT "subscriptions_plan_id_fkey";

ALTER TABLE "public"."plans" DROP CONSTRAINT "plans_code_key";

ALTER TABLE "public"."plans" DROP CONSTRAINT "plans_pkey";

DROP INDEX CONCURRENTLY "public"."regions_slug_country_idx";

CREATE UNIQUE INDEX CONCURRENTLY "plans_id_key" ON "public"."plans" USING "btree" ("id");

ALTER TABLE "public"."plans" ADD CONSTRAINT "plans_id_key" UNIQUE USING INDEX "plans_id_key";

CREATE UNIQUE INDEX CONCURRENTLY "plans_pkey" ON "public"."plans" USING "btree" ("code");

ALTER TABLE "public"."plans" ADD CONSTRAINT "plans_pkey" PRIMARY KEY USING INDEX "plans_pkey";

CREATE UNIQUE INDEX CONCURRENTLY "regions_key" ON "public"."regions" USING "btree" ("country", "slug");

ALTER TABLE "public"."regions" ADD CONSTRAINT "regions_key" UNIQUE USING INDEX "regions_key";

ALTER TABLE "public"."stores" ADD CONSTRAINT "stores_region_fkey" FOREIGN KEY ("region", "country") REFERENCES "public"."regions" ("slug", "country") ON DELETE SET NULL NOT VALID;

ALTER TABLE "public"."stores" VALIDATE CONSTRAINT "stores_region_fkey";

ALTER TABLE "public"."subscriptions" ADD CONSTRAINT "subscriptions_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "public"."plans" ("id") NOT VALID;

ALTER TABLE "public"."subscriptions" VALIDATE CONSTRAINT "subscriptions_plan_id_fkey";
