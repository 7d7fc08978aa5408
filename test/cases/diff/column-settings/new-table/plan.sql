CREATE TABLE "public"."pages" (
  "id" bigint NOT NULL,
  "html" text,
  "slug" text,
  CONSTRAINT "pages_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "public"."users" ADD COLUMN "avatar" bytea;

ALTER TABLE "public"."pages" ALTER COLUMN "html" SET STORAGE EXTERNAL, ALTER COLUMN "html" SET COMPRESSION pglz;

ALTER TABLE "public"."pages" ALTER COLUMN "slug" SET STATISTICS 2000;

ALTER TABLE "public"."users" ALTER COLUMN "avatar" SET STORAGE EXTERNAL;
