ALTER TABLE "public"."items" ADD COLUMN "price" numeric;

ALTER TABLE "public"."books" ADD COLUMN "pages" integer;

CREATE INDEX CONCURRENTLY "books_isbn_idx" ON "public"."books" USING "btree" (isbn);
