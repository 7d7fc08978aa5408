CREATE TABLE public.slots (id int PRIMARY KEY);
