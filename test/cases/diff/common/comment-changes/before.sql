CREATE TABLE public.t (id int PRIMARY KEY, a text);
COMMENT ON TABLE public.t IS 'old';
