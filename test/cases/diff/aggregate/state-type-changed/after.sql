CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE AGGREGATE public.total(integer) (SFUNC = int4_sum, STYPE = bigint);
CREATE VIEW public.totals AS SELECT player, public.total(points) AS total FROM public.scores GROUP BY player;
