CREATE EXTENSION hstore WITH SCHEMA public;
CREATE TABLE public.settings (id integer PRIMARY KEY, attrs public.hstore);
