import { describe, expect, it } from 'vitest';
import { introspect, introspectDependencies } from '../../src/introspect/index.js';
import type { Dependency, Schema } from '../../src/model/schema.js';
import { testEngines } from './databases.js';

/**
 * One object of every kind that can stand at either end of a catalog edge, so each way an end is
 * located on the server and named from the address book on the client is read at least once.
 */
const schemaSql = `
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE TYPE app.pair AS (a integer, b text);
CREATE TYPE app.span AS RANGE (subtype = integer);
CREATE FUNCTION app.is_positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v > 0';
CREATE DOMAIN app.positive AS integer CONSTRAINT positive_check CHECK (app.is_positive(VALUE));
CREATE SEQUENCE app.ticket_seq;
CREATE FUNCTION app.next_ticket() RETURNS bigint LANGUAGE sql AS $$SELECT nextval('app.ticket_seq')$$;
CREATE TABLE app.parent (id integer PRIMARY KEY, label text);
CREATE TABLE app.child (
  id integer PRIMARY KEY,
  parent_id integer REFERENCES app.parent (id),
  mood app.mood,
  moods app.mood[],
  pair app.pair,
  spans app.span_multirange,
  amount app.positive,
  ticket bigint DEFAULT app.next_ticket(),
  serial_no bigint DEFAULT nextval('app.ticket_seq'),
  whole app.parent
);
CREATE INDEX child_positive_idx ON app.child (app.is_positive(id));
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER child_touch BEFORE UPDATE ON app.child FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.child ENABLE ROW LEVEL SECURITY;
CREATE POLICY child_positive ON app.child USING (app.is_positive(id));
CREATE VIEW app.child_labels AS SELECT c.id, p.label FROM app.child c JOIN app.parent p ON p.id = c.parent_id;
CREATE VIEW app.labels AS SELECT label FROM app.child_labels;
CREATE VIEW app.by_parent AS SELECT p.id, p.label, count(*) AS n FROM app.parent p GROUP BY p.id;
CREATE RULE child_no_delete AS ON DELETE TO app.parent DO INSTEAD NOTHING;
CREATE FUNCTION app.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER app_on_ddl ON ddl_command_end EXECUTE FUNCTION app.on_ddl();
`;

const key = (edge: Dependency) => JSON.stringify(edge);

/** The edges of `schema` whose ends are both in the `app` schema (or unmanaged). */
function appEdges(schema: Schema): string[] {
  const inApp = (ref: Dependency['from']) => JSON.stringify(ref).includes('"app.') || ref.type === 'unmanaged';
  return (schema.dependencies ?? []).filter((edge) => inApp(edge.from) && inApp(edge.on)).map(key);
}

const edge = (from: Dependency['from'], on: Dependency['on'], auto = false): string => key({ from, on, ...(auto ? { auto: true } : {}) });

for (const engine of testEngines) {
  describe.skipIf(engine.unavailable !== undefined)(`dependency edges on ${engine.name}`, () => {
    it('names both ends of every kind of edge the way the model does', async () => {
      const { conn, dispose } = await engine.open();
      try {
        await conn.exec(schemaSql);
        const schema = await introspect(conn, { externalNamespaces: [] });
        const edges = appEdges(schema);
        const expected = [
          // A column on an enum, on an array of it (the array stands for its element), on a
          // composite type, on a multirange (it stands for its range), on a domain, on a
          // table's row type (the table).
          edge({ type: 'column', relation: 'app.child', column: 'mood' }, { type: 'type', id: 'app.mood' }),
          edge({ type: 'column', relation: 'app.child', column: 'moods' }, { type: 'type', id: 'app.mood' }),
          edge({ type: 'column', relation: 'app.child', column: 'pair' }, { type: 'type', id: 'app.pair' }),
          edge({ type: 'column', relation: 'app.child', column: 'spans' }, { type: 'type', id: 'app.span' }),
          edge({ type: 'column', relation: 'app.child', column: 'amount' }, { type: 'type', id: 'app.positive' }),
          edge({ type: 'column', relation: 'app.child', column: 'whole' }, { type: 'table', id: 'app.parent' }),
          // Defaults on a routine and a sequence.
          edge({ type: 'default', relation: 'app.child', column: 'ticket' }, { type: 'routine', id: 'app.next_ticket()' }),
          edge({ type: 'default', relation: 'app.child', column: 'serial_no' }, { type: 'sequence', id: 'app.ticket_seq' }),
          // A foreign key on the referenced column and the key's index.
          edge({ type: 'constraint', table: 'app.child', name: 'child_parent_id_fkey' }, { type: 'column', relation: 'app.parent', column: 'id' }),
          edge({ type: 'constraint', table: 'app.child', name: 'child_parent_id_fkey' }, { type: 'index', id: 'app.parent_pkey' }),
          // A domain's check on its routine: the constraint stands for the domain.
          edge({ type: 'type', id: 'app.positive' }, { type: 'routine', id: 'app.is_positive(integer)' }),
          // An index expression, a trigger and a policy on their routines.
          edge({ type: 'index', id: 'app.child_positive_idx' }, { type: 'routine', id: 'app.is_positive(integer)' }),
          edge({ type: 'trigger', table: 'app.child', name: 'child_touch' }, { type: 'routine', id: 'app.touch()' }),
          edge({ type: 'policy', table: 'app.child', name: 'child_positive' }, { type: 'routine', id: 'app.is_positive(integer)' }),
          // Views (their _RETURN rules) on columns of tables and of views, and on a primary key.
          edge({ type: 'view', id: 'app.child_labels' }, { type: 'column', relation: 'app.child', column: 'parent_id' }),
          edge({ type: 'view', id: 'app.child_labels' }, { type: 'column', relation: 'app.parent', column: 'label' }),
          edge({ type: 'view', id: 'app.labels' }, { type: 'column', relation: 'app.child_labels', column: 'label' }),
          edge({ type: 'view', id: 'app.by_parent' }, { type: 'constraint', table: 'app.parent', name: 'parent_pkey' }),
          // What the model does not hold, by its unmanaged key: a rule on its table, an event trigger on its routine.
          edge({ type: 'unmanaged', key: 'rule child_no_delete on app.parent' }, { type: 'table', id: 'app.parent' }, true),
          edge({ type: 'unmanaged', key: 'event trigger app_on_ddl' }, { type: 'routine', id: 'app.on_ddl()' }),
        ];
        expect(edges).toEqual(expect.arrayContaining(expected));
        // The ends no plan needs stay out: a default, constraint or index on its own table's columns.
        expect(edges.filter((e) => e.includes('"from":{"type":"default"') && e.includes('"on":{"type":"column","relation":"app.child"'))).toEqual([]);
        expect(edges.filter((e) => e.includes('"from":{"type":"index","id":"app.child_positive_idx"},"on":{"type":"column"'))).toEqual([]);
        // The edges alone read the same as the full read's, less the unmanaged objects' own.
        const alone = (await introspectDependencies(conn)) ?? [];
        expect(alone.map(key).filter((e) => !e.startsWith('{"from":{"type":"unmanaged"'))).toEqual(
          (schema.dependencies ?? []).map(key).filter((e) => !e.startsWith('{"from":{"type":"unmanaged"')),
        );
      } finally {
        await dispose();
      }
    }, 60_000);
  });
}
