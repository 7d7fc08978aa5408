CREATE SEQUENCE "public"."items_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

ALTER TABLE "public"."items" ALTER COLUMN "id" SET DEFAULT nextval('public.items_id_seq'::regclass);

ALTER SEQUENCE "public"."items_id_seq" OWNED BY "public"."items"."id";
