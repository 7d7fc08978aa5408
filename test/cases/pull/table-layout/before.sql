-- --layout table: a file per table and view, beside a file per schema for its types and routines.
CREATE SCHEMA app;
CREATE TYPE app.role AS ENUM ('admin', 'member');
CREATE TABLE app.teams (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL UNIQUE);
CREATE TABLE app.members (
  team_id uuid NOT NULL REFERENCES app.teams (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES auth.users (id),
  role app.role NOT NULL DEFAULT 'member',
  PRIMARY KEY (team_id, user_id)
);
CREATE VIEW app.team_sizes AS
  SELECT t.name, count(*) AS members FROM app.teams t JOIN app.members m ON m.team_id = t.id GROUP BY t.name;
