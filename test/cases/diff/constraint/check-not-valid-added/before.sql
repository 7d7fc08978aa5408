CREATE TABLE public.items (qty integer);
