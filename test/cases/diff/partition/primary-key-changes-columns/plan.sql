ALTER TABLE "public"."orders" DROP CONSTRAINT "orders_pkey";

CREATE UNIQUE INDEX CONCURRENTLY "orders_eu_pkey" ON "public"."orders_eu" USING "btree" ("id", "line", "region");

ALTER TABLE "public"."orders_eu" ADD CONSTRAINT "orders_eu_pkey" PRIMARY KEY USING INDEX "orders_eu_pkey";

CREATE UNIQUE INDEX CONCURRENTLY "orders_us_pkey" ON "public"."orders_us" USING "btree" ("id", "line", "region");

ALTER TABLE "public"."orders_us" ADD CONSTRAINT "orders_us_pkey" PRIMARY KEY USING INDEX "orders_us_pkey";

ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_pkey" PRIMARY KEY ("id", "line", "region");
