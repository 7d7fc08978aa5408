CREATE TABLE public.words (id integer PRIMARY KEY, word text COLLATE "C" NOT NULL, note text);
