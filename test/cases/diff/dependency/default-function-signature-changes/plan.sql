SET check_function_bodies = false;

ALTER TABLE "public"."tickets" ALTER COLUMN "code" DROP DEFAULT;

DROP FUNCTION "public"."next_code"(text);

CREATE FUNCTION "public"."next_code"("prefix" text, "width" integer) RETURNS text LANGUAGE "sql" VOLATILE
AS $$ SELECT prefix || '-' || lpad(floor(random() * 1000)::int::text, width, '0') $$;

ALTER TABLE "public"."tickets" ALTER COLUMN "code" SET DEFAULT public.next_code('T'::text, 4);
