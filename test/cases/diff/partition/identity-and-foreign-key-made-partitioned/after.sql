CREATE TABLE public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY,
  placed_on date NOT NULL,
  total numeric(12,2),
  PRIMARY KEY (id, placed_on)
) PARTITION BY RANGE (placed_on);
CREATE TABLE public.orders_2025h1 PARTITION OF public.orders FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
CREATE TABLE public.orders_2025h2 PARTITION OF public.orders FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');
CREATE TABLE public.order_lines (
  order_id bigint NOT NULL,
  placed_on date NOT NULL,
  sku text NOT NULL,
  CONSTRAINT order_lines_order_fkey FOREIGN KEY (order_id, placed_on) REFERENCES public.orders (id, placed_on) ON DELETE CASCADE
);
