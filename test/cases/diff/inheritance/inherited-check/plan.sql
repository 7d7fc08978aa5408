ALTER TABLE "public"."items" ADD CONSTRAINT "items_id_check" CHECK (id > 0);

ALTER TABLE "public"."books" ADD CONSTRAINT "books_isbn_check" CHECK (length(isbn) > 3);
