CREATE TABLE public.catalog (id integer PRIMARY KEY, price numeric NOT NULL, hidden boolean NOT NULL DEFAULT false);
CREATE VIEW public.items AS SELECT id, price FROM public.catalog WHERE NOT hidden;
CREATE VIEW public.item_prices AS SELECT id, price FROM public.items;
