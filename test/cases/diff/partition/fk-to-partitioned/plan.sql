ALTER TABLE "public"."shipments" ADD CONSTRAINT "shipments_order_fkey" FOREIGN KEY ("order_id", "region") REFERENCES "public"."orders" ("id", "region") ON DELETE CASCADE;
