SET check_function_bodies = false;

DROP FUNCTION "public"."is_good"(public.mood);

ALTER TYPE "public"."mood" RENAME TO "mood_pgform_old";

CREATE TYPE "public"."mood" AS ENUM ('happy', 'sad');

ALTER TABLE "public"."entries" ALTER COLUMN "mood" DROP DEFAULT;

-- hazard DELETES_DATA: values 'meh' leave public.mood: rows of public.entries.mood holding them fail the conversion
ALTER TABLE "public"."entries" ALTER COLUMN "mood" TYPE public.mood USING "mood"::text::public.mood;

DROP TYPE "public"."mood_pgform_old";

CREATE FUNCTION "public"."is_good"("m" public.mood) RETURNS boolean LANGUAGE "sql" IMMUTABLE
AS $$ SELECT m = 'happy' $$;
