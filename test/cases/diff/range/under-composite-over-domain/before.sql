CREATE TABLE public.rooms (id int PRIMARY KEY);
