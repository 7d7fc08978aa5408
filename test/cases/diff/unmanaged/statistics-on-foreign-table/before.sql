CREATE FOREIGN DATA WRAPPER pgform_dummy;
CREATE SERVER pgform_remote FOREIGN DATA WRAPPER pgform_dummy;
CREATE FOREIGN TABLE public.remote_points (x integer, y integer) SERVER pgform_remote;
CREATE STATISTICS public.remote_points_xy (dependencies) ON x, y FROM public.remote_points;
CREATE TABLE public.points (id integer PRIMARY KEY, x integer NOT NULL, y integer);
