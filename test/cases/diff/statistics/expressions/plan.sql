CREATE STATISTICS "public"."addresses_lower_city" ON lower(city) FROM "public"."addresses";

CREATE STATISTICS "public"."addresses_zip_prefix" (ndistinct, dependencies, mcv) ON country, "left"(zip, 2) FROM "public"."addresses";
