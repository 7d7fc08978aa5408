CREATE TABLE public.settings (id integer PRIMARY KEY);
