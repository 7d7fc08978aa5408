ALTER PUBLICATION "orders_feed" DROP TABLE "public"."orders";
