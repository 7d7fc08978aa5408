CREATE TABLE public.orders (
  id bigint NOT NULL,
  region text NOT NULL,
  total numeric(12, 2) DEFAULT 0 NOT NULL,
  PRIMARY KEY (id, region)
) PARTITION BY LIST (region);
CREATE INDEX orders_total_idx ON public.orders (total);
CREATE TABLE public.orders_us (
  id bigint NOT NULL,
  region text NOT NULL,
  total numeric(12, 2) DEFAULT 0 NOT NULL,
  CONSTRAINT orders_us_pkey PRIMARY KEY (id, region)
);
CREATE INDEX orders_us_total_idx ON public.orders_us (total);
ALTER TABLE public.orders ATTACH PARTITION public.orders_us FOR VALUES IN ('us');
