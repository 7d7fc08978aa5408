DROP VIEW "public"."big_orders";

-- hazard REWRITES_TABLE: changing public.orders.total from integer to bigint rewrites the table under an exclusive lock
ALTER TABLE "public"."orders" ALTER COLUMN "total" TYPE bigint USING "total"::bigint;

CREATE VIEW "public"."big_orders" AS
SELECT orders.id,
    orders.total
   FROM public.orders
  WHERE orders.total > 100;
