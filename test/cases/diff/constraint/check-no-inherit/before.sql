CREATE TABLE public.items (qty integer, CONSTRAINT items_qty_check CHECK (qty > 0));
