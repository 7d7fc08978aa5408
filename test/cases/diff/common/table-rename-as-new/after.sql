CREATE TABLE public.new_name (id int PRIMARY KEY);
