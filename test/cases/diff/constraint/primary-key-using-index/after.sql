CREATE TABLE public.items (id integer NOT NULL, name text);
CREATE UNIQUE INDEX items_pkey ON public.items (id);
ALTER TABLE public.items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey;
