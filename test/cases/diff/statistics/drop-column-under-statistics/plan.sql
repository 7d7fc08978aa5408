DROP STATISTICS "public"."addresses_city_zip";

-- hazard DELETES_DATA: drops column public.addresses.zip and its values
ALTER TABLE "public"."addresses" DROP COLUMN "zip";
