DROP VIEW "public"."low_stock";

DROP VIEW "public"."stock";

ALTER TABLE "public"."items" ALTER COLUMN "quantity" DROP DEFAULT;

-- hazard REWRITES_TABLE: changing public.items.quantity from integer to bigint rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
ALTER TABLE "public"."items" ALTER COLUMN "quantity" TYPE bigint USING "quantity"::bigint;

ALTER TABLE "public"."items" ALTER COLUMN "quantity" SET DEFAULT 0;

-- hazard REWRITES_TABLE: changing public.items.code from text to character varying(8) rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
-- hazard DELETES_DATA: values of public.items.code that do not fit character varying(8) fail the cast or lose precision
ALTER TABLE "public"."items" ALTER COLUMN "code" TYPE character varying(8) USING "code"::character varying(8);

CREATE VIEW "public"."stock" AS
SELECT id,
    label,
    quantity
   FROM public.items
  WHERE quantity > 0;

CREATE VIEW "public"."low_stock" AS
SELECT id,
    label
   FROM public.stock
  WHERE quantity < 5;
