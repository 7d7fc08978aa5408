CREATE TABLE public.t (id int PRIMARY KEY, old_col text);
