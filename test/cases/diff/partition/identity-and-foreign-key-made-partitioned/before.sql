CREATE TABLE public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY,
  placed_on date NOT NULL,
  total numeric(12,2),
  PRIMARY KEY (id, placed_on)
);
CREATE TABLE public.order_lines (
  order_id bigint NOT NULL,
  placed_on date NOT NULL,
  sku text NOT NULL,
  CONSTRAINT order_lines_order_fkey FOREIGN KEY (order_id, placed_on) REFERENCES public.orders (id, placed_on) ON DELETE CASCADE
);
