/**
 * A stand-in for Citus's coordinator API, for databases without Citus: the functions pgform's
 * plans call (create_distributed_table, create_reference_table, undistribute_table) record each
 * call in pg_catalog.citus_standin_calls and keep pg_dist_partition, pg_dist_shard and
 * pg_dist_colocation as Citus does, enforcing the rules Citus enforces when a table is
 * distributed. It moves no data: there are no workers. Everything lives in pg_catalog, where
 * Citus's own catalog lives, so introspection reads it as it would read Citus's.
 *
 * A shadow database replaying migration files that distribute tables gets it (see replay.ts), so
 * the state the files build carries their distribution; the tests run the same SQL on both
 * engines in place of a coordinator.
 */
export const citusStandInSql = String.raw`SET allow_system_table_mods = on;

CREATE TABLE pg_catalog.pg_dist_colocation (colocationid serial PRIMARY KEY, shardcount int NOT NULL, distributioncolumntype oid NOT NULL);
CREATE TABLE pg_catalog.pg_dist_partition (
  logicalrelid regclass PRIMARY KEY,
  partmethod "char" NOT NULL,
  partkey text,
  colocationid int NOT NULL,
  repmodel "char" NOT NULL
);
CREATE TABLE pg_catalog.pg_dist_shard (shardid bigserial PRIMARY KEY, logicalrelid regclass NOT NULL);
CREATE TABLE pg_catalog.citus_standin_calls (seq serial PRIMARY KEY, fn text NOT NULL, args text[] NOT NULL);

-- Citus stores the distribution column as a Var node; the stand-in stores its name.
CREATE FUNCTION pg_catalog.column_to_column_name(table_name regclass, column_var_text text) RETURNS text
LANGUAGE sql STABLE AS $$ SELECT column_var_text $$;

CREATE FUNCTION pg_catalog.citus_standin_check_keys(rel regclass, col text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  bad text;
BEGIN
  SELECT c.conname INTO bad FROM pg_constraint c
  WHERE col IS NOT NULL AND c.conrelid = rel AND c.contype IN ('p', 'u')
    AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = rel AND a.attname = col AND a.attnum = ANY (c.conkey));
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'cannot create constraint on "%"', rel
      USING DETAIL = 'Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the partition column (constraint ' || bad || ').';
  END IF;
  -- A foreign key to a table Citus does not know must not exist yet: pgform adds them after distributing.
  SELECT c.conname INTO bad FROM pg_constraint c
  WHERE c.conrelid = rel AND c.contype = 'f' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = c.confrelid);
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'cannot create foreign key constraint since relations are not colocated or not referencing a reference table (constraint %)', bad;
  END IF;
END $$;

CREATE FUNCTION pg_catalog.create_distributed_table(table_name regclass, distribution_column text, distribution_type text DEFAULT 'hash', colocate_with text DEFAULT 'default', shard_count int DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  coltype oid;
  group_id int;
  shards int;
BEGIN
  INSERT INTO pg_catalog.citus_standin_calls (fn, args)
  VALUES ('create_distributed_table', ARRAY[table_name::text, distribution_column, distribution_type, colocate_with, coalesce(shard_count::text, '')]);
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = table_name) THEN
    RAISE EXCEPTION 'table "%" is already distributed', table_name;
  END IF;
  SELECT atttypid INTO coltype FROM pg_attribute WHERE attrelid = table_name AND attname = distribution_column AND NOT attisdropped;
  IF coltype IS NULL THEN
    RAISE EXCEPTION 'column "%" of relation "%" does not exist', distribution_column, table_name;
  END IF;
  PERFORM pg_catalog.citus_standin_check_keys(table_name, distribution_column);
  IF colocate_with = 'none' OR colocate_with = 'default' THEN
    shards := coalesce(shard_count, 32);
    IF colocate_with = 'default' THEN
      SELECT colocationid INTO group_id FROM pg_catalog.pg_dist_colocation WHERE shardcount = shards AND distributioncolumntype = coltype ORDER BY colocationid LIMIT 1;
    END IF;
    IF group_id IS NULL THEN
      INSERT INTO pg_catalog.pg_dist_colocation (shardcount, distributioncolumntype) VALUES (shards, coltype) RETURNING colocationid INTO group_id;
    END IF;
  ELSE
    IF shard_count IS NOT NULL THEN
      RAISE EXCEPTION 'Cannot use colocate_with with a table and shard_count at the same time';
    END IF;
    SELECT p.colocationid, g.shardcount INTO group_id, shards
    FROM pg_catalog.pg_dist_partition p JOIN pg_catalog.pg_dist_colocation g USING (colocationid)
    WHERE p.logicalrelid = colocate_with::regclass AND p.partmethod = 'h';
    IF group_id IS NULL THEN
      RAISE EXCEPTION 'cannot colocate tables % and %', table_name, colocate_with USING DETAIL = 'Relation ' || colocate_with || ' is not distributed.';
    END IF;
    IF (SELECT distributioncolumntype FROM pg_catalog.pg_dist_colocation WHERE colocationid = group_id) <> coltype THEN
      RAISE EXCEPTION 'cannot colocate tables % and %', table_name, colocate_with USING DETAIL = 'Distribution column types don''t match.';
    END IF;
  END IF;
  INSERT INTO pg_catalog.pg_dist_partition VALUES (table_name, 'h', distribution_column, group_id, 's');
  INSERT INTO pg_catalog.pg_dist_shard (logicalrelid) SELECT table_name FROM generate_series(1, shards);
END $$;

CREATE FUNCTION pg_catalog.create_reference_table(table_name regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pg_catalog.citus_standin_calls (fn, args) VALUES ('create_reference_table', ARRAY[table_name::text]);
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = table_name) THEN
    RAISE EXCEPTION 'table "%" is already distributed', table_name;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_constraint c JOIN pg_catalog.pg_dist_partition p ON p.logicalrelid = c.confrelid WHERE c.conrelid = table_name AND c.contype = 'f' AND p.partmethod = 'h') THEN
    RAISE EXCEPTION 'cannot create foreign key constraint since foreign keys from reference tables to distributed tables are not supported';
  END IF;
  PERFORM pg_catalog.citus_standin_check_keys(table_name, NULL);
  INSERT INTO pg_catalog.pg_dist_partition VALUES (table_name, 'n', NULL, 0, 't');
  INSERT INTO pg_catalog.pg_dist_shard (logicalrelid) VALUES (table_name);
END $$;

CREATE FUNCTION pg_catalog.undistribute_table(table_name regclass, cascade_via_foreign_keys boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pg_catalog.citus_standin_calls (fn, args) VALUES ('undistribute_table', ARRAY[table_name::text]);
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = table_name) THEN
    RAISE EXCEPTION 'cannot undistribute table because the table is not distributed';
  END IF;
  DELETE FROM pg_catalog.pg_dist_shard WHERE logicalrelid = table_name;
  DELETE FROM pg_catalog.pg_dist_partition WHERE logicalrelid = table_name;
END $$;

RESET allow_system_table_mods;
`;

/** Whether SQL calls Citus's coordinator API (what the stand-in provides). */
export function callsCitus(sql: string): boolean {
  return /\b(create_distributed_table|create_reference_table|undistribute_table)\s*\(/i.test(sql);
}
