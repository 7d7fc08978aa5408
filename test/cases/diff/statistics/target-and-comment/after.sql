CREATE TABLE public.addresses (id int PRIMARY KEY, city text NOT NULL, zip text NOT NULL, country text);
CREATE STATISTICS public.addresses_city_zip ON city, zip FROM public.addresses;
ALTER STATISTICS public.addresses_city_zip SET STATISTICS 500;
COMMENT ON STATISTICS public.addresses_city_zip IS 'zip follows city';
