CREATE TABLE public.items (qty integer);
ALTER TABLE public.items ADD CONSTRAINT items_qty_positive CHECK (qty > 0) NOT VALID;
