CREATE TABLE public.words (id integer PRIMARY KEY);
