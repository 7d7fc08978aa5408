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
SELECT catalog.id,
    catalog.price
   FROM public.catalog
  WHERE NOT catalog.hidden;

CREATE VIEW "public"."item_prices" AS
SELECT items.id,
    items.price
   FROM public.items;
