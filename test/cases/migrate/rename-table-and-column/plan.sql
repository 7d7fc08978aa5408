ALTER TABLE "public"."customers" RENAME TO "clients";

ALTER TABLE "public"."clients" RENAME COLUMN "name" TO "full_name";

ALTER TABLE "public"."clients" RENAME CONSTRAINT "customers_pkey" TO "clients_pkey";

ALTER INDEX "public"."customers_name_idx" RENAME TO "clients_full_name_idx";

ALTER TABLE "public"."orders" RENAME COLUMN "customer_id" TO "client_id";

ALTER TABLE "public"."orders" RENAME CONSTRAINT "orders_customer_id_fkey" TO "orders_client_id_fkey";

ALTER TYPE "public"."customer_kind" RENAME TO "client_kind";

ALTER TABLE "public"."clients" ALTER COLUMN "kind" SET DEFAULT 'person'::public.client_kind;
