CREATE COLLATION public.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE public.words (id integer PRIMARY KEY, word text COLLATE public.case_insensitive);
