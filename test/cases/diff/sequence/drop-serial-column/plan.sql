ALTER TABLE "public"."items" ALTER COLUMN "code" DROP DEFAULT;

-- hazard DELETES_DATA: drops column public.items.code and its values
ALTER TABLE "public"."items" DROP COLUMN "code";
