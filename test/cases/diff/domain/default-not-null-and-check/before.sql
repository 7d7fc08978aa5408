CREATE DOMAIN public.quantity AS integer DEFAULT 0 CONSTRAINT quantity_non_negative CHECK (VALUE >= 0);
CREATE TABLE public.stock (id int PRIMARY KEY, on_hand public.quantity);
