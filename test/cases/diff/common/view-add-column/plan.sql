CREATE OR REPLACE VIEW "public"."open_orders" AS
SELECT id,
    total,
    status
   FROM public.orders
  WHERE status = 'open'::text;
