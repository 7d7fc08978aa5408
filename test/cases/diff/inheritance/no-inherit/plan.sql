ALTER TABLE "public"."books" NO INHERIT "public"."items";
