ALTER TABLE "public"."t" DROP CONSTRAINT "t_slug_key";

ALTER TABLE "public"."t" ADD CONSTRAINT "t_org_slug_key" UNIQUE ("org", "slug");
