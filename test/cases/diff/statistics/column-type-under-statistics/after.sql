CREATE TABLE public.points (id integer PRIMARY KEY, x bigint NOT NULL, y integer NOT NULL);
CREATE STATISTICS public.points_xy (dependencies) ON x, y FROM public.points;
