DROP VIEW "public"."item_prices";

-- hazard DELETES_DATA: drops table public.items and all its rows
DROP TABLE "public"."items";

CREATE TABLE "public"."catalog" (
  "id" integer NOT NULL,
  "price" numeric NOT NULL,
  "hidden" boolean DEFAULT false NOT NULL,
  CONSTRAINT "catalog_pkey" PRIMARY KEY ("id")
);

CREATE VIEW "public"."items" AS
SELECT id,
    price
   FROM public.catalog
  WHERE NOT hidden;

CREATE VIEW "public"."item_prices" AS
SELECT id,
    price
   FROM public.items;
