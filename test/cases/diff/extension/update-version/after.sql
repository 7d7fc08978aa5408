CREATE EXTENSION hstore WITH SCHEMA public VERSION '1.7';
CREATE TABLE public.settings (id integer PRIMARY KEY, attrs public.hstore);
