CREATE TABLE public.orders (
  id serial NOT NULL,
  placed_on date NOT NULL,
  total numeric(12,2)
);
CREATE TABLE public.refunds (
  id bigint GENERATED ALWAYS AS IDENTITY,
  order_id integer NOT NULL
);
