CREATE SCHEMA reporting;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO authenticator;
CREATE TABLE reporting.daily (day date PRIMARY KEY, total bigint);
