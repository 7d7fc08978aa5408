CREATE TABLE "public"."accounts" (
  "id" integer NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "public"."countries" (
  "code" text NOT NULL,
  CONSTRAINT "countries_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "public"."orders" (
  "account_id" integer NOT NULL,
  "id" integer NOT NULL,
  "country" text,
  CONSTRAINT "orders_pkey" PRIMARY KEY ("account_id", "id")
);

SELECT create_reference_table('"public"."countries"');

SELECT create_distributed_table('"public"."accounts"', 'id', colocate_with => 'none', shard_count => 4);

SELECT create_distributed_table('"public"."orders"', 'account_id', colocate_with => '"public"."accounts"');

ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts" ("id");

ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_country_fkey" FOREIGN KEY ("country") REFERENCES "public"."countries" ("code");
