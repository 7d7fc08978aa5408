CREATE TABLE public.books (id int PRIMARY KEY);
