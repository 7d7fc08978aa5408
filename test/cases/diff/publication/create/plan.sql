CREATE PUBLICATION "orders_feed" FOR TABLE "public"."customers", "public"."orders";
