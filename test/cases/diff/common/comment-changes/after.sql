CREATE TABLE public.t (id int PRIMARY KEY, a text);
COMMENT ON TABLE public.t IS 'new';
COMMENT ON COLUMN public.t.a IS 'the a';
