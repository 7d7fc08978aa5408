ALTER TABLE "public"."visits" ALTER COLUMN "tenant_id" SET ("n_distinct" = '250');

ALTER TABLE "public"."visits" ALTER COLUMN "country" RESET ("n_distinct_inherited");

ALTER TABLE "public"."visits" ALTER COLUMN "path" SET ("n_distinct" = '1e3');
