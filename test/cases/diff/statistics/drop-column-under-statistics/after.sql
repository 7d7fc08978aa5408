CREATE TABLE public.addresses (id int PRIMARY KEY, city text NOT NULL, country text);
