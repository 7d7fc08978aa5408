CREATE TABLE "public"."books" (
  "id" bigint NOT NULL,
  "name" text NOT NULL,
  "isbn" text,
  CONSTRAINT "items_name_check" CHECK (name <> ''::text)
) INHERITS ("public"."items");
