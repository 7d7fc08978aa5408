CREATE TABLE public.t (id int PRIMARY KEY, new_col text);
