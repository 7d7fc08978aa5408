ALTER TABLE "public"."items" ADD CONSTRAINT "items_pkey" PRIMARY KEY USING INDEX "items_pkey";
