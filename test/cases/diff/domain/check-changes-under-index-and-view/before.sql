CREATE DOMAIN public.score AS integer CONSTRAINT score_range CHECK (VALUE BETWEEN 0 AND 100);
CREATE TABLE public.results (id integer PRIMARY KEY, points public.score NOT NULL);
CREATE INDEX results_points_idx ON public.results (points);
CREATE VIEW public.top_results AS SELECT id, points FROM public.results WHERE points > 50;
