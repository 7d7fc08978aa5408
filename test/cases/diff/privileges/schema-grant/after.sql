CREATE SCHEMA api;
GRANT USAGE ON SCHEMA api TO service_role;
GRANT USAGE ON SCHEMA api TO anon, authenticated;
GRANT CREATE ON SCHEMA api TO service_role;
