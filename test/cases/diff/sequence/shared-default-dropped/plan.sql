ALTER TABLE "public"."items" ALTER COLUMN "id" DROP DEFAULT;

-- hazard DELETES_DATA: drops sequence public.counter and its position
DROP SEQUENCE "public"."counter";
