ALTER TABLE "public"."items" ADD CONSTRAINT "items_code_key" UNIQUE ("code");
