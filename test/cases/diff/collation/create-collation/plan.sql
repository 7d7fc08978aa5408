ALTER TABLE "public"."words" ADD COLUMN "word" text COLLATE "public"."bytewise";
