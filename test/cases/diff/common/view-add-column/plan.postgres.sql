CREATE OR REPLACE VIEW "public"."open_orders" AS
SELECT orders.id,
    orders.total,
    orders.status
   FROM public.orders
  WHERE orders.status = 'open'::text;
