CREATE TABLE public.items (qty integer, CONSTRAINT items_qty_positive CHECK (qty > 0));
