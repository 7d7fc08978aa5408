CREATE DOMAIN "public"."code" AS text COLLATE "C";

CREATE TABLE "public"."tags" (
  "name" text COLLATE "C" NOT NULL,
  CONSTRAINT "tags_pkey" PRIMARY KEY ("name")
);

ALTER TABLE "public"."words" ADD COLUMN "word" text COLLATE "C" DEFAULT ''::text NOT NULL;

ALTER TABLE "public"."words" ADD COLUMN "alt" character varying(20) COLLATE "POSIX";

CREATE INDEX CONCURRENTLY "words_word" ON "public"."words" USING "btree" (word COLLATE "POSIX");
