ALTER TABLE "public"."orders" ADD COLUMN "note" text DEFAULT 'none'::text NOT NULL;

ALTER TABLE "public"."orders" ALTER COLUMN "total" TYPE numeric(14,2) USING "total"::numeric(14,2);

COMMENT ON COLUMN "public"."orders_eu"."note" IS 'Notes of European orders';
