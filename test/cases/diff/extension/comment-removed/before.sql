CREATE EXTENSION hstore WITH SCHEMA public;
COMMENT ON EXTENSION hstore IS 'key-value settings of the application';
