CREATE TABLE public.t (id int PRIMARY KEY, name text);
CREATE FUNCTION public.names() RETURNS TABLE (id int, name text) LANGUAGE sql STABLE AS 'SELECT id, name FROM public.t';
