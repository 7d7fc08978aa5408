CREATE TABLE public.words (id integer PRIMARY KEY, word text COLLATE "C" NOT NULL DEFAULT '', alt varchar(20) COLLATE "POSIX");
CREATE TABLE public.tags (name text COLLATE "C" PRIMARY KEY);
CREATE INDEX words_word ON public.words (word COLLATE "POSIX");
CREATE DOMAIN public.code AS text COLLATE "C";
