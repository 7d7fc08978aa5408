CREATE TABLE public.t (id int PRIMARY KEY, code text NOT NULL);
