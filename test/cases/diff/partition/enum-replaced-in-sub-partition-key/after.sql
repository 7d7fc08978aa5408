CREATE TYPE public.region AS ENUM ('eu', 'us');
CREATE TABLE public.orders (id bigint NOT NULL, region public.region NOT NULL) PARTITION BY RANGE (id);
CREATE TABLE public.orders_low PARTITION OF public.orders FOR VALUES FROM (0) TO (1000) PARTITION BY LIST (region);
CREATE TABLE public.orders_low_eu PARTITION OF public.orders_low FOR VALUES IN ('eu');
