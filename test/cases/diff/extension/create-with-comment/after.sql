CREATE EXTENSION hstore WITH SCHEMA public;
COMMENT ON EXTENSION hstore IS 'key-value settings of the application';
CREATE TABLE public.settings (id integer PRIMARY KEY, attrs public.hstore);
