SET check_function_bodies = false;

DROP VIEW "public"."large_payments";

DROP FUNCTION "public"."doubled"(public.amount);

ALTER DOMAIN "public"."amount" RENAME TO "amount_pgform_old";

CREATE DOMAIN "public"."amount" AS bigint CONSTRAINT "amount_positive" CHECK (VALUE > 0);

ALTER TABLE "public"."payments" ALTER COLUMN "value" DROP DEFAULT;

-- hazard REWRITES_TABLE: converting public.payments.value from integer to bigint rewrites public.payments under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
-- hazard MAY_FAIL: a value of public.payments.value that does not fit bigint or breaks a check of public.amount makes it fail
ALTER TABLE "public"."payments" ALTER COLUMN "value" TYPE public.amount USING "value"::integer::public.amount;

ALTER TABLE "public"."payments" ALTER COLUMN "value" SET DEFAULT 1;

DROP DOMAIN "public"."amount_pgform_old";

CREATE FUNCTION "public"."doubled"("a" public.amount) RETURNS bigint LANGUAGE "sql" IMMUTABLE
AS $$ SELECT (a * 2)::bigint $$;

CREATE VIEW "public"."large_payments" AS
SELECT payments.id,
    payments.value
   FROM public.payments
  WHERE payments.value::bigint > 100;
