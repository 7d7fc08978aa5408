DROP VIEW "public"."va";

ALTER TABLE "public"."b" DROP CONSTRAINT "b_a_id_fkey";

-- hazard DELETES_DATA: drops table public.a and all its rows
DROP TABLE "public"."a";
