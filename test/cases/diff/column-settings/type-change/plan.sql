ALTER TABLE "public"."notes" ALTER COLUMN "body" TYPE text USING "body"::text;

ALTER TABLE "public"."notes" ALTER COLUMN "body" SET STORAGE MAIN, ALTER COLUMN "body" SET COMPRESSION pglz;
