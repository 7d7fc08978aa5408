CREATE TABLE public.t (id int PRIMARY KEY, a text, b text NOT NULL);
