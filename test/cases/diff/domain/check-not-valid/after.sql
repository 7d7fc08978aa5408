CREATE DOMAIN public.quantity AS integer CONSTRAINT quantity_positive CHECK (VALUE > 0);
ALTER DOMAIN public.quantity ADD CONSTRAINT quantity_bounded CHECK (VALUE < 1000) NOT VALID;
CREATE DOMAIN public.sku AS text CONSTRAINT sku_short CHECK (length(VALUE) <= 12);
ALTER DOMAIN public.sku ADD CONSTRAINT sku_upper CHECK (VALUE = upper(VALUE)) NOT VALID;
CREATE DOMAIN public.percent AS numeric;
ALTER DOMAIN public.percent ADD CONSTRAINT percent_range CHECK (VALUE BETWEEN 0 AND 100) NOT VALID;
CREATE TABLE public.line_items (
  id bigint PRIMARY KEY,
  sku public.sku NOT NULL,
  quantity public.quantity NOT NULL,
  discount public.percent
);
