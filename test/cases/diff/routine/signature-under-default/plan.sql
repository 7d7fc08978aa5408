SET check_function_bodies = false;

ALTER TABLE "public"."orders" ALTER COLUMN "code" DROP DEFAULT;

DROP FUNCTION "public"."next_code"();

CREATE FUNCTION "public"."next_code"() RETURNS bigint LANGUAGE "sql" VOLATILE
AS $$SELECT 7::bigint$$;

ALTER TABLE "public"."orders" ALTER COLUMN "code" SET DEFAULT public.next_code();
