CREATE UNIQUE INDEX CONCURRENTLY "items_code_key" ON "public"."items" USING "btree" ("code");

ALTER TABLE "public"."items" ADD CONSTRAINT "items_code_key" UNIQUE USING INDEX "items_code_key";
