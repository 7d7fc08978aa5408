CREATE DOMAIN public.quantity AS integer CONSTRAINT quantity_positive CHECK (VALUE > 0);
CREATE DOMAIN public.sku AS text CONSTRAINT sku_upper CHECK (VALUE = upper(VALUE));
ALTER DOMAIN public.sku ADD CONSTRAINT sku_short CHECK (length(VALUE) <= 12) NOT VALID;
CREATE TABLE public.line_items (
  id bigint PRIMARY KEY,
  sku public.sku NOT NULL,
  quantity public.quantity NOT NULL
);
