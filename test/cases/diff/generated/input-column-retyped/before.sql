CREATE TABLE public.line_items (
  id bigint PRIMARY KEY,
  unit_price integer NOT NULL,
  quantity integer NOT NULL,
  total integer GENERATED ALWAYS AS (unit_price * quantity) STORED,
  label text
);
CREATE INDEX line_items_total_idx ON public.line_items (total);
COMMENT ON COLUMN public.line_items.total IS 'price times quantity';
