CREATE TABLE public.addresses (id int PRIMARY KEY, city text NOT NULL, zip text NOT NULL, country text);
CREATE SCHEMA planner;
CREATE STATISTICS planner."City and zip" (mcv) ON city, zip FROM public.addresses;
