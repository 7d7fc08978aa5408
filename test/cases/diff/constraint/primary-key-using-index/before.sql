CREATE TABLE public.items (id integer NOT NULL, name text);
CREATE UNIQUE INDEX items_pkey ON public.items (id);
