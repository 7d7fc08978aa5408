DROP STATISTICS "public"."sales_by_region_rp";

ALTER MATERIALIZED VIEW "public"."sales_by_region" ALTER COLUMN "region" SET STORAGE MAIN, ALTER COLUMN "region" SET STATISTICS 1000, ALTER COLUMN "region" SET ("n_distinct" = '40');

ALTER MATERIALIZED VIEW "public"."sales_by_region" ALTER COLUMN "product" SET COMPRESSION pglz, ALTER COLUMN "product" SET STATISTICS -1;

ALTER MATERIALIZED VIEW "public"."sales_by_region" ALTER COLUMN "total" SET STORAGE MAIN;

CREATE STATISTICS "public"."sales_by_region_rp" (ndistinct, dependencies) ON region, product FROM "public"."sales_by_region";

CREATE STATISTICS "public"."sales_by_region_total" ON (total * 2::numeric) FROM "public"."sales_by_region";

ALTER STATISTICS "public"."sales_by_region_total" SET STATISTICS 50;

COMMENT ON INDEX "public"."sales_by_region_region" IS 'Reports filter by region';

COMMENT ON COLUMN "public"."sales_by_region"."total" IS 'Sum of the amounts';
