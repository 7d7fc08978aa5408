GRANT SELECT ON TABLE "public"."orders_eu" TO "anon";
