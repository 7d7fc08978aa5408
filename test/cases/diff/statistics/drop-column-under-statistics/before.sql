CREATE TABLE public.addresses (id int PRIMARY KEY, city text NOT NULL, zip text NOT NULL, country text);
CREATE STATISTICS public.addresses_city_zip (dependencies) ON city, zip FROM public.addresses;
