/**
 * A stand-in for Citus's coordinator API, for databases without Citus: the functions pgform's
 * plans call (create_distributed_table, create_reference_table, alter_distributed_table,
 * undistribute_table) record each
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

-- Citus builds the table anew with the new column, shard count or group and copies the rows; the
-- stand-in moves the metadata the same way. A new shard count or group takes the tables colocated
-- with it along when cascade_to_colocated, leaves them behind when false, and must be told which
-- when there are any; a changed column alone keeps the group.
CREATE FUNCTION pg_catalog.alter_distributed_table(table_name regclass, distribution_column text DEFAULT NULL, shard_count int DEFAULT NULL, colocate_with text DEFAULT NULL, cascade_to_colocated boolean DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  old_group int;
  old_shards int;
  col text;
  coltype oid;
  group_id int;
  shards int;
  movers regclass[];
  others int;
BEGIN
  INSERT INTO pg_catalog.citus_standin_calls (fn, args)
  VALUES ('alter_distributed_table', ARRAY[table_name::text, coalesce(distribution_column, ''), coalesce(shard_count::text, ''), coalesce(colocate_with, ''), coalesce(cascade_to_colocated::text, '')]);
  SELECT p.colocationid, g.shardcount, p.partkey INTO old_group, old_shards, col
  FROM pg_catalog.pg_dist_partition p JOIN pg_catalog.pg_dist_colocation g USING (colocationid)
  WHERE p.logicalrelid = table_name AND p.partmethod = 'h';
  IF old_group IS NULL THEN
    RAISE EXCEPTION 'cannot alter table because the table is not distributed';
  END IF;
  IF distribution_column IS NULL AND shard_count IS NULL AND colocate_with IS NULL THEN
    RAISE EXCEPTION 'you have to specify at least one of the distribution_column, shard_count or colocate_with parameters';
  END IF;
  IF shard_count IS NOT NULL AND colocate_with IS NOT NULL AND colocate_with NOT IN ('default', 'none') THEN
    RAISE EXCEPTION 'shard_count cannot be given together with colocate_with => a table';
  END IF;
  col := coalesce(distribution_column, col);
  SELECT atttypid INTO coltype FROM pg_attribute WHERE attrelid = table_name AND attname = col AND NOT attisdropped;
  IF coltype IS NULL THEN
    RAISE EXCEPTION 'column "%" of relation "%" does not exist', col, table_name;
  END IF;
  PERFORM pg_catalog.citus_standin_check_keys(table_name, col);
  SELECT count(*) INTO others FROM pg_catalog.pg_dist_partition WHERE colocationid = old_group AND logicalrelid <> table_name;
  IF (shard_count IS NOT NULL OR colocate_with IS NOT NULL) AND others > 0 AND cascade_to_colocated IS NULL THEN
    RAISE EXCEPTION 'cascade_to_colocated parameter is necessary'
      USING HINT = 'cascade_to_colocated := false will break the current colocation, cascade_to_colocated := true will change the shard count of colocated tables too.';
  END IF;
  movers := ARRAY[table_name];
  IF cascade_to_colocated THEN
    SELECT array_agg(logicalrelid) INTO movers FROM pg_catalog.pg_dist_partition WHERE colocationid = old_group;
  END IF;
  IF colocate_with IS NOT NULL AND colocate_with NOT IN ('default', 'none') THEN
    SELECT p.colocationid, g.shardcount INTO group_id, shards
    FROM pg_catalog.pg_dist_partition p JOIN pg_catalog.pg_dist_colocation g USING (colocationid)
    WHERE p.logicalrelid = colocate_with::regclass AND p.partmethod = 'h';
    IF group_id IS NULL THEN
      RAISE EXCEPTION 'cannot colocate with % because it is not a distributed table', colocate_with;
    END IF;
    IF (SELECT distributioncolumntype FROM pg_catalog.pg_dist_colocation WHERE colocationid = group_id) <> coltype THEN
      RAISE EXCEPTION 'cannot colocate with % because distribution column types don''t match', colocate_with;
    END IF;
  ELSIF shard_count IS NOT NULL OR colocate_with IS NOT NULL
     OR coltype <> (SELECT distributioncolumntype FROM pg_catalog.pg_dist_colocation WHERE colocationid = old_group) THEN
    shards := coalesce(shard_count, old_shards);
    INSERT INTO pg_catalog.pg_dist_colocation (shardcount, distributioncolumntype) VALUES (shards, coltype) RETURNING colocationid INTO group_id;
  ELSE
    group_id := old_group;
    shards := old_shards;
  END IF;
  IF group_id = old_group AND col = (SELECT partkey FROM pg_catalog.pg_dist_partition WHERE logicalrelid = table_name) THEN
    RAISE EXCEPTION 'this call doesn''t change any properties of the table'
      USING HINT = 'check citus_tables view to see current properties of the table';
  END IF;
  UPDATE pg_catalog.pg_dist_partition SET colocationid = group_id WHERE logicalrelid = ANY (movers);
  UPDATE pg_catalog.pg_dist_partition SET partkey = col WHERE logicalrelid = table_name;
  DELETE FROM pg_catalog.pg_dist_shard WHERE logicalrelid = ANY (movers);
  INSERT INTO pg_catalog.pg_dist_shard (logicalrelid) SELECT m FROM unnest(movers) m, generate_series(1, shards);
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
  return /\b(create_distributed_table|create_reference_table|alter_distributed_table|undistribute_table)\s*\(/i.test(sql);
}
