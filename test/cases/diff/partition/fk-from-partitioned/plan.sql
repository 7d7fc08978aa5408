ALTER TABLE "public"."orders_eu" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers" ("id") NOT VALID;

ALTER TABLE "public"."orders_eu" VALIDATE CONSTRAINT "orders_customer_id_fkey";

ALTER TABLE "public"."orders_us" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers" ("id") NOT VALID;

ALTER TABLE "public"."orders_us" VALIDATE CONSTRAINT "orders_customer_id_fkey";

ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers" ("id");
