CREATE TABLE public.t (id int PRIMARY KEY, a text NOT NULL, b text);
