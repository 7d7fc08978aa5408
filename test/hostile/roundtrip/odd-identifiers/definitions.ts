import { integer, rpc, schema, sql, table, text, triggerFunction, uuid, view } from 'pgform';

/** Identifiers no unquoted SQL could name. */
export const ns = schema('my.schema "x"', { description: 'dots and quotes' });
export const reserved = schema('select');

export const user = table('user', {
  schema: 'select',
  columns: {
    id: uuid().primaryKey(),
    order: integer(),
    from: text(),
    ' padded ': text(),
    'back\\slash': text(),
    'per%cent': text(),
    '$dollar$': text(),
    'new\nline': text(),
    'UPPER': text(),
    'upper': text(),
  },
  indexes: { 'Index.With.Dots': { on: ['"order"', '"UPPER"'] } },
});

export const touch = triggerFunction('Touch "me"', { schema: 'my.schema "x"', body: sql`BEGIN RETURN NEW; END;` });

export const dotted = table('table.with.dots', {
  schema: 'my.schema "x"',
  columns: {
    'id.part': uuid().primaryKey(),
    'user id': uuid().references(user, 'id', { onDelete: 'cascade' }).index(),
    'Quote"d': text().unique(),
  },
  triggers: { 'Trigger.Name': { timing: 'before', events: ['update'], function: touch } },
});

export const dottedView = view('view.with "dots"', {
  schema: 'my.schema "x"',
  query: sql`SELECT "id.part", "Quote""d" FROM "my.schema ""x"""."table.with.dots"`,
});

export const fn = rpc('Fn, (with) parens', {
  schema: 'my.schema "x"',
  args: { 'arg "one"': 'integer', 'arg.two': 'text' },
  returns: 'text',
  language: 'sql',
  body: sql`SELECT "arg.two" || "arg ""one"""::text`,
});
