CREATE TABLE "public"."addresses" (
  "id" integer NOT NULL,
  "city" text NOT NULL,
  "zip" text NOT NULL,
  "country" text,
  CONSTRAINT "addresses_pkey" PRIMARY KEY ("id")
);

CREATE STATISTICS "public"."addresses_all" (ndistinct, dependencies, mcv) ON city, zip, country FROM "public"."addresses";
