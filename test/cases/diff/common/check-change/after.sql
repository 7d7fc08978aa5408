CREATE TABLE public.t (id int PRIMARY KEY, qty int CONSTRAINT qty_positive CHECK (qty >= 0));
