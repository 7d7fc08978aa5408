CREATE TABLE public.words (id integer PRIMARY KEY, word text COLLATE "POSIX" NOT NULL, note text COLLATE "C");
