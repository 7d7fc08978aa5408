COMMENT ON EXTENSION "hstore" IS 'key-value settings of the application';
