ALTER TABLE "public"."notes" ADD COLUMN "body" text;
