ALTER TABLE "public"."blobs" ALTER COLUMN "data" SET COMPRESSION pglz;
