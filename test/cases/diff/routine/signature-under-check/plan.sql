SET check_function_bodies = false;

ALTER TABLE "public"."products" DROP CONSTRAINT "products_code_check";

DROP FUNCTION "public"."is_code"(text);

CREATE FUNCTION "public"."is_code"("value" text) RETURNS boolean LANGUAGE "sql" IMMUTABLE
AS $$SELECT value ~ '^[A-Z0-9]+$'$$;

ALTER TABLE "public"."products" ADD CONSTRAINT "products_code_check" CHECK (public.is_code(code)) NOT VALID;

ALTER TABLE "public"."products" VALIDATE CONSTRAINT "products_code_check";
