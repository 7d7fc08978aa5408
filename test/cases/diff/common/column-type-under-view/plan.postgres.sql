DROP VIEW "public"."big_orders";

-- hazard REWRITES_TABLE: changing public.orders.total from integer to bigint rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
ALTER TABLE "public"."orders" ALTER COLUMN "total" TYPE bigint USING "total"::bigint;

CREATE VIEW "public"."big_orders" AS
SELECT orders.id,
    orders.total
   FROM public.orders
  WHERE orders.total > 100;
