DROP STATISTICS "public"."addresses_city_zip";

CREATE STATISTICS "public"."addresses_city_zip" (ndistinct, mcv) ON city, zip, country FROM "public"."addresses";
