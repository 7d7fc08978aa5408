ALTER SEQUENCE "public"."counter" OWNED BY NONE;
