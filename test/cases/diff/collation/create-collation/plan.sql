CREATE COLLATION "public"."Posix Order" (provider = libc, lc_collate = 'POSIX', lc_ctype = 'POSIX');

CREATE COLLATION "public"."bytewise" (provider = libc, lc_collate = 'C', lc_ctype = 'C');

ALTER TABLE "public"."words" ADD COLUMN "word" text COLLATE "public"."bytewise";

COMMENT ON COLLATION "public"."bytewise" IS 'plain byte order';
