CREATE TYPE "public"."floatrange" AS RANGE (SUBTYPE = double precision, SUBTYPE_DIFF = "float8mi");

CREATE TYPE "public"."span" AS RANGE (SUBTYPE = integer);

COMMENT ON TYPE "public"."floatrange" IS 'A range of double precision values';
