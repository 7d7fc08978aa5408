DROP VIEW "public"."open_orders";

CREATE VIEW "public"."open_orders" AS
SELECT id,
    total
   FROM public.orders
  WHERE status = 'open'::text;
