CREATE TABLE public.orders (
  id serial NOT NULL,
  placed_on date NOT NULL,
  total numeric(12,2)
) PARTITION BY RANGE (placed_on);
CREATE TABLE public.orders_2025 PARTITION OF public.orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.refunds (
  id bigint GENERATED ALWAYS AS IDENTITY,
  order_id integer NOT NULL
);
