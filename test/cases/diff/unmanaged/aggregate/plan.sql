ALTER TABLE "public"."scores" ADD COLUMN "bonus" integer;
