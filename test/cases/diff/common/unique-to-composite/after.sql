CREATE TABLE public.t (id int PRIMARY KEY, org int, slug text, UNIQUE (org, slug));
