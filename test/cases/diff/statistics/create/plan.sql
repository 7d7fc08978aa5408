CREATE STATISTICS "public"."addresses_city_zip" (dependencies) ON city, zip FROM "public"."addresses";
