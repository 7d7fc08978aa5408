SET check_function_bodies = false;

CREATE SEQUENCE "public"."post_numbers" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

CREATE FUNCTION "public"."post_count"() RETURNS bigint LANGUAGE "sql" STABLE
AS $$ SELECT count(*) FROM public.posts $$;

CREATE TABLE "public"."posts" (
  "id" bigint NOT NULL,
  "body" text,
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);
