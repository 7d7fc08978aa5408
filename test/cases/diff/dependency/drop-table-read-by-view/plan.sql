DROP VIEW "public"."order_totals";

-- hazard DELETES_DATA: drops table public.orders and all its rows
DROP TABLE "public"."orders";
