CREATE DOMAIN public.quantity AS integer CHECK (VALUE > 0) CONSTRAINT quantity_small CHECK (VALUE < 1000);
CREATE TABLE public.orders (id integer PRIMARY KEY, quantities public.quantity[]);
