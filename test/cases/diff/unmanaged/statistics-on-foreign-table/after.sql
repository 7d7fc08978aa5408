CREATE TABLE public.points (id integer PRIMARY KEY, x integer NOT NULL, y integer);
CREATE INDEX points_x ON public.points (x);
