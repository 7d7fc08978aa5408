CREATE TABLE public.t (id int PRIMARY KEY, n int DEFAULT 2, s text);
