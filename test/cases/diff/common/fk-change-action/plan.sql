ALTER TABLE "public"."b" DROP CONSTRAINT "b_a_id_fkey";

ALTER TABLE "public"."b" ADD CONSTRAINT "b_a_id_fkey" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id") ON DELETE SET NULL NOT VALID;

ALTER TABLE "public"."b" VALIDATE CONSTRAINT "b_a_id_fkey";
