CREATE TRIGGER "orders_touch" BEFORE UPDATE ON "public"."orders" FOR EACH ROW EXECUTE FUNCTION "public"."touch"();

ALTER TABLE "public"."orders_us" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "us_only" ON "public"."orders_us" AS PERMISSIVE FOR SELECT TO "authenticated" USING ((region = 'us'::text));
