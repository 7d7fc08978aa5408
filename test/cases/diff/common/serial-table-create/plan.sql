CREATE SEQUENCE "public"."t_big_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

CREATE SEQUENCE "public"."t_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

CREATE TABLE "public"."t" (
  "id" integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL,
  "big" bigint DEFAULT nextval('public.t_big_seq'::regclass) NOT NULL,
  "name" text,
  CONSTRAINT "t_pkey" PRIMARY KEY ("id")
);

ALTER SEQUENCE "public"."t_big_seq" OWNED BY "public"."t"."big";

ALTER SEQUENCE "public"."t_id_seq" OWNED BY "public"."t"."id";
