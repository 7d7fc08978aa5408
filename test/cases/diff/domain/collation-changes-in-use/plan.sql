DROP VIEW "public"."product_skus";

ALTER DOMAIN "public"."code" RENAME TO "code_pgform_old";

CREATE DOMAIN "public"."code" AS text COLLATE "POSIX" CONSTRAINT "code_not_empty" CHECK (VALUE <> ''::text);

-- hazard LONG_LOCK: the new collation of public.code rebuilds the indexes of public.products.sku under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
-- hazard MAY_FAIL: a value of public.products.sku that does not fit text or breaks a check of public.code makes it fail
ALTER TABLE "public"."products" ALTER COLUMN "sku" TYPE public.code USING "sku"::text::public.code;

DROP DOMAIN "public"."code_pgform_old";

CREATE VIEW "public"."product_skus" AS
SELECT id,
    sku
   FROM public.products;
