CREATE TABLE public.orders (id int PRIMARY KEY, net numeric NOT NULL, gross numeric GENERATED ALWAYS AS (net * 1.25) STORED, region text);
CREATE STATISTICS public.orders_gross_region (dependencies) ON gross, region FROM public.orders;
