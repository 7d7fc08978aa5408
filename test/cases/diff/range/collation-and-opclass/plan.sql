CREATE TYPE "public"."textrange_c" AS RANGE (SUBTYPE = text, COLLATION = "C");

CREATE TYPE "public"."textrange_pattern" AS RANGE (SUBTYPE = text, SUBTYPE_OPCLASS = "text_pattern_ops");

ALTER TABLE "public"."books" ADD COLUMN "shelf" public.textrange_c;
