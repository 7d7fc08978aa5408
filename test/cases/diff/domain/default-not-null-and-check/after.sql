CREATE DOMAIN public.quantity AS integer NOT NULL DEFAULT 1 CONSTRAINT quantity_below_limit CHECK (VALUE < 100000);
CREATE TABLE public.stock (id int PRIMARY KEY, on_hand public.quantity);
COMMENT ON DOMAIN public.quantity IS 'Units on hand';
