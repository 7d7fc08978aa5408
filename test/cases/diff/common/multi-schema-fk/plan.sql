CREATE TABLE "billing"."invoices" (
  "id" uuid NOT NULL,
  "account_id" uuid NOT NULL,
  "amount" numeric(12,2) NOT NULL,
  CONSTRAINT "invoices_amount_check" CHECK (amount >= 0::numeric),
  CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts" ("id");
