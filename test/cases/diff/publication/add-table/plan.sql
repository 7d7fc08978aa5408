ALTER PUBLICATION "orders_feed" ADD TABLE "public"."customers";
