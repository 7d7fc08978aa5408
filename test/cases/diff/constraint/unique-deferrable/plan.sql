ALTER TABLE "public"."slots" DROP CONSTRAINT "slots_position_key";

ALTER TABLE "public"."slots" ADD CONSTRAINT "slots_position_key" UNIQUE ("position") DEFERRABLE INITIALLY DEFERRED;
