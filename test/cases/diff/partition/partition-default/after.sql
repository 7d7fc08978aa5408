-- The parent's default changes; orders_us keeps its own and gains one more; orders_jp is new with its own.
CREATE TABLE public.orders (
  id bigint NOT NULL,
  region text NOT NULL,
  total numeric(12, 2) DEFAULT 1 NOT NULL,
  note text
) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('de', 'fr');
CREATE TABLE public.orders_us PARTITION OF public.orders (total DEFAULT 5, note DEFAULT 'us') FOR VALUES IN ('us');
CREATE TABLE public.orders_jp PARTITION OF public.orders (total DEFAULT 7) FOR VALUES IN ('jp');
