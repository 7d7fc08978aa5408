ALTER TABLE "public"."items" ALTER COLUMN "id" DROP DEFAULT;

-- hazard DELETES_DATA: drops sequence public.items_id_seq and its position
DROP SEQUENCE "public"."items_id_seq";
