CREATE TABLE public.orders (id int PRIMARY KEY);
