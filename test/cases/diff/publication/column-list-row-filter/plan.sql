ALTER PUBLICATION "orders_feed" DROP TABLE "public"."orders";

ALTER PUBLICATION "orders_feed" ADD TABLE "public"."orders" ("id", "status") WHERE ((status <> 'draft'::text));
