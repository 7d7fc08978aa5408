ALTER TABLE "public"."slots" DROP CONSTRAINT "slots_position_key";

CREATE UNIQUE INDEX CONCURRENTLY "slots_position_key" ON "public"."slots" USING "btree" ("position");

ALTER TABLE "public"."slots" ADD CONSTRAINT "slots_position_key" UNIQUE USING INDEX "slots_position_key" DEFERRABLE INITIALLY DEFERRED;
