DROP VIEW "public"."open_orders";

CREATE VIEW "public"."open_orders" AS
SELECT orders.id,
    orders.total
   FROM public.orders
  WHERE orders.status = 'open'::text;
