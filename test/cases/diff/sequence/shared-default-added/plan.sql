CREATE SEQUENCE "public"."counter" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10 CACHE 1 NO CYCLE;

CREATE TABLE "public"."notes" (
  "id" bigint DEFAULT nextval('public.counter'::regclass) NOT NULL
);

ALTER TABLE "public"."items" ALTER COLUMN "id" SET DEFAULT nextval('public.counter'::regclass);
