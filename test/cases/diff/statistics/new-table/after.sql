CREATE TABLE public.orders (id int PRIMARY KEY);
CREATE TABLE public.addresses (id int PRIMARY KEY, city text NOT NULL, zip text NOT NULL, country text);
CREATE STATISTICS public.addresses_all ON city, zip, country FROM public.addresses;
