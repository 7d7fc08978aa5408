CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE AGGREGATE public.array_concat_agg(anycompatiblearray) (SFUNC = array_cat, STYPE = anycompatiblearray);
