CREATE TABLE "public"."orders_jp" PARTITION OF "public"."orders" FOR VALUES IN ('jp');

ALTER TABLE "public"."orders_eu_de" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers" ("id") ON DELETE CASCADE NOT VALID;

ALTER TABLE "public"."orders_eu_de" VALIDATE CONSTRAINT "orders_customer_id_fkey";

ALTER TABLE "public"."orders_eu_fr" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers" ("id") ON DELETE CASCADE NOT VALID;

ALTER TABLE "public"."orders_eu_fr" VALIDATE CONSTRAINT "orders_customer_id_fkey";

ALTER TABLE "public"."orders_us" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers" ("id") ON DELETE CASCADE NOT VALID;

ALTER TABLE "public"."orders_us" VALIDATE CONSTRAINT "orders_customer_id_fkey";

ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers" ("id") ON DELETE CASCADE;
