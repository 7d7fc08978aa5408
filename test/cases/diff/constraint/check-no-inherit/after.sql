CREATE TABLE public.items (qty integer, CONSTRAINT items_qty_check CHECK (qty > 0) NO INHERIT, CONSTRAINT items_qty_max CHECK (qty < 1000) NO INHERIT);
