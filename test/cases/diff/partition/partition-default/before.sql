CREATE TABLE public.orders (
  id bigint NOT NULL,
  region text NOT NULL,
  total numeric(12, 2) DEFAULT 0 NOT NULL,
  note text
) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('de', 'fr');
CREATE TABLE public.orders_us PARTITION OF public.orders (total DEFAULT 5) FOR VALUES IN ('us');
