CREATE TABLE public.t (id int PRIMARY KEY, name text);
CREATE FUNCTION public.names() RETURNS SETOF public.t LANGUAGE sql STABLE AS 'SELECT * FROM public.t';
