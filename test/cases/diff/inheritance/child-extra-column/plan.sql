ALTER TABLE "public"."items" ADD COLUMN "price" numeric;

ALTER TABLE "public"."books" ADD COLUMN "pages" integer;

-- hazard LONG_LOCK: building books_isbn_idx blocks writes to public.books until it finishes
CREATE INDEX "books_isbn_idx" ON "public"."books" USING "btree" (isbn);
