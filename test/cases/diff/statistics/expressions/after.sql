CREATE TABLE public.addresses (id int PRIMARY KEY, city text NOT NULL, zip text NOT NULL, country text);
CREATE STATISTICS public.addresses_lower_city ON (lower(city)) FROM public.addresses;
CREATE STATISTICS public.addresses_zip_prefix ON country, (left(zip, 2)) FROM public.addresses;
