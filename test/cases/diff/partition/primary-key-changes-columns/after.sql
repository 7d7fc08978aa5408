CREATE TABLE public.orders (
  id bigint NOT NULL,
  region text NOT NULL,
  line integer NOT NULL,
  total numeric(12, 2) DEFAULT 0 NOT NULL
) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('de', 'fr');
CREATE TABLE public.orders_us PARTITION OF public.orders FOR VALUES IN ('us');
ALTER TABLE public.orders ADD PRIMARY KEY (id, line, region);
