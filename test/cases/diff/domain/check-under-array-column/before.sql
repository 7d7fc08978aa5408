CREATE DOMAIN public.quantity AS integer CHECK (VALUE > 0);
CREATE TABLE public.orders (id integer PRIMARY KEY, quantities public.quantity[]);
