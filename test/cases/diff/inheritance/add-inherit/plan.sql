ALTER TABLE "public"."books" INHERIT "public"."items";
