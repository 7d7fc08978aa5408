CREATE TABLE public.line_items (
  id bigint PRIMARY KEY,
  unit_price numeric(12,2) NOT NULL,
  quantity integer NOT NULL,
  total numeric(14,2) GENERATED ALWAYS AS (unit_price * quantity) STORED,
  label text
);
CREATE INDEX line_items_total_idx ON public.line_items (total);
COMMENT ON COLUMN public.line_items.total IS 'price times quantity';
