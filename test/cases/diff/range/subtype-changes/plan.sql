DROP TYPE "public"."span";

CREATE TYPE "public"."span" AS RANGE (SUBTYPE = bigint);

COMMENT ON TYPE "public"."span" IS 'seat numbers';
