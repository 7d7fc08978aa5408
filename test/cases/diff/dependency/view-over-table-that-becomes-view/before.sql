CREATE TABLE public.items (id integer PRIMARY KEY, price numeric NOT NULL);
CREATE VIEW public.item_prices AS SELECT id, price FROM public.items;
