ALTER TABLE "public"."items" ADD CONSTRAINT "items_id_check" CHECK (id > 0) NOT VALID;

ALTER TABLE "public"."items" VALIDATE CONSTRAINT "items_id_check";

ALTER TABLE "public"."books" ADD CONSTRAINT "books_isbn_check" CHECK (length(isbn) > 3) NOT VALID;

ALTER TABLE "public"."books" VALIDATE CONSTRAINT "books_isbn_check";
