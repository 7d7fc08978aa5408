ALTER SEQUENCE "public"."orders_id_seq" OWNED BY NONE;

ALTER TABLE "public"."orders" RENAME TO "orders_pgform_old";

CREATE TABLE "public"."orders" (
  "id" integer DEFAULT nextval('public.orders_id_seq'::regclass) NOT NULL,
  "placed_on" date NOT NULL,
  "total" numeric(12,2)
) PARTITION BY RANGE (placed_on);

CREATE TABLE "public"."orders_2025" PARTITION OF "public"."orders" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- hazard REWRITES_TABLE: copies every row of public.orders into the table that replaces it, under an exclusive lock on both until the migration commits
-- hazard MAY_FAIL: a row that fits no partition of public.orders stops the copy, and with it the migration
INSERT INTO "public"."orders" ("id", "placed_on", "total")
SELECT "id", "placed_on", "total" FROM "public"."orders_pgform_old";

DROP TABLE "public"."orders_pgform_old";

ALTER SEQUENCE "public"."orders_id_seq" OWNED BY "public"."orders"."id";
