CREATE TABLE public.points (id integer PRIMARY KEY, x integer NOT NULL, y integer NOT NULL);
CREATE MATERIALIZED VIEW public.point_pairs AS SELECT x, y FROM public.points;
CREATE STATISTICS public.point_pairs_xy (dependencies) ON x, y FROM public.point_pairs;
