CREATE EXTENSION IF NOT EXISTS "hstore" WITH SCHEMA "public";

ALTER TABLE "public"."settings" ADD COLUMN "attrs" public.hstore;

COMMENT ON EXTENSION "hstore" IS 'key-value settings of the application';
