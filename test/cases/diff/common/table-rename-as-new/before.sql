CREATE TABLE public.old_name (id int PRIMARY KEY);
