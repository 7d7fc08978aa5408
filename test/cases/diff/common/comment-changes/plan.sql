COMMENT ON TABLE "public"."t" IS 'new';

COMMENT ON COLUMN "public"."t"."a" IS 'the a';
