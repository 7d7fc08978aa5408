CREATE TABLE public.orders (id int PRIMARY KEY, net numeric NOT NULL, region text, gross numeric GENERATED ALWAYS AS (net * 1.2) STORED);
CREATE STATISTICS public.orders_region_gross (dependencies) ON region, gross FROM public.orders;
CREATE STATISTICS public.orders_net_region (ndistinct) ON net, region FROM public.orders;
