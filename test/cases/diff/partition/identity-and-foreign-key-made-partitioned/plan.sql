ALTER TABLE "public"."order_lines" DROP CONSTRAINT "order_lines_order_fkey";

ALTER TABLE "public"."orders" RENAME TO "orders_pgform_old";

ALTER INDEX "public"."orders_pkey" RENAME TO "orders_pkey_pgform_old";

CREATE TABLE "public"."orders" (
  "id" bigint GENERATED ALWAYS AS IDENTITY,
  "placed_on" date NOT NULL,
  "total" numeric(12,2)
) PARTITION BY RANGE (placed_on);

CREATE TABLE "public"."orders_2025h1" PARTITION OF "public"."orders" FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');

CREATE TABLE "public"."orders_2025h2" PARTITION OF "public"."orders" FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');

-- hazard REWRITES_TABLE: copies every row of public.orders into the table that replaces it, under an exclusive lock on both until the migration commits
-- hazard MAY_FAIL: a row that fits no partition of public.orders stops the copy, and with it the migration
INSERT INTO "public"."orders" ("id", "placed_on", "total") OVERRIDING SYSTEM VALUE
SELECT "id", "placed_on", "total" FROM "public"."orders_pgform_old";

SELECT setval(pg_get_serial_sequence('"public"."orders"', 'id'), pg_sequence_last_value(pg_get_serial_sequence('"public"."orders_pgform_old"', 'id')::regclass));

DROP TABLE "public"."orders_pgform_old";

ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_pkey" PRIMARY KEY ("id", "placed_on");

ALTER TABLE "public"."order_lines" ADD CONSTRAINT "order_lines_order_fkey" FOREIGN KEY ("order_id", "placed_on") REFERENCES "public"."orders" ("id", "placed_on") ON DELETE CASCADE;
