ALTER STATISTICS "public"."addresses_city_zip" SET STATISTICS 500;

COMMENT ON STATISTICS "public"."addresses_city_zip" IS 'zip follows city';
