CREATE TABLE "public"."books" (
  "price" numeric,
  "isbn" text
) INHERITS ("public"."items");
