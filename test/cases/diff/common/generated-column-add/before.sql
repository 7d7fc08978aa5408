CREATE TABLE public.t (id int PRIMARY KEY, first text, last text);
