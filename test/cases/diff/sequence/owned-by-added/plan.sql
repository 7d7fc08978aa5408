ALTER SEQUENCE "public"."counter" OWNED BY "public"."items"."id";
