CREATE TABLE public.readings (id int PRIMARY KEY);
