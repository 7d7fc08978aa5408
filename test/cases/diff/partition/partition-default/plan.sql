CREATE TABLE "public"."orders_jp" PARTITION OF "public"."orders" FOR VALUES IN ('jp');

ALTER TABLE "public"."orders" ALTER COLUMN "total" SET DEFAULT 1;

ALTER TABLE "public"."orders_jp" ALTER COLUMN "total" SET DEFAULT 7;

ALTER TABLE "public"."orders_us" ALTER COLUMN "total" SET DEFAULT 5;

ALTER TABLE "public"."orders_us" ALTER COLUMN "note" SET DEFAULT 'us'::text;
