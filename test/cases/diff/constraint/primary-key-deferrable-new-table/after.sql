CREATE TABLE public.other (id integer);
CREATE TABLE public.slots (id integer, CONSTRAINT slots_pkey PRIMARY KEY (id) DEFERRABLE);
