ALTER SEQUENCE "public"."orders_id_seq" OWNED BY NONE;

-- hazard DELETES_DATA: drops table public.orders and all its rows
DROP TABLE "public"."orders";

CREATE TABLE "public"."orders" (
  "id" integer DEFAULT nextval('public.orders_id_seq'::regclass) NOT NULL,
  "placed_on" date NOT NULL,
  "total" numeric(12,2)
) PARTITION BY RANGE (placed_on);

CREATE TABLE "public"."orders_2025" PARTITION OF "public"."orders" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

ALTER SEQUENCE "public"."orders_id_seq" OWNED BY "public"."orders"."id";
