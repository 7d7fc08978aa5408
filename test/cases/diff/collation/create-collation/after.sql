CREATE COLLATION public.bytewise (provider = libc, locale = 'C');
CREATE COLLATION public."Posix Order" (provider = libc, lc_collate = 'POSIX', lc_ctype = 'POSIX');
COMMENT ON COLLATION public.bytewise IS 'plain byte order';
CREATE TABLE public.words (id integer PRIMARY KEY, word text COLLATE public.bytewise);
