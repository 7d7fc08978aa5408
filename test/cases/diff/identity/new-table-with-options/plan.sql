CREATE TABLE "public"."orders" (
  "id" bigint GENERATED ALWAYS AS IDENTITY (INCREMENT BY -1 MINVALUE 1 MAXVALUE 5000 CACHE 5),
  "total" numeric,
  CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);
