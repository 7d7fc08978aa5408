import { enumType, integer, rpc, schema, sql, table, text, uuid, view } from 'pgform';

const name63 = 'a'.repeat(60) + 'end';

export const odd = schema('Odd Schema.v2', { description: "Comment with */ and $$ and 'quotes'" });

export const weirdEnum = enumType('Weird Enum', ['a "quoted" label', "it's", 'slash\\', 'naïve'], { schema: 'Odd Schema.v2' });

export const weird = table('Weird "Name"', {
  schema: 'Odd Schema.v2',
  description: 'Table with a hostile name; comment has */ and $tag$',
  columns: {
    'id': uuid().primaryKey().defaultRandom(),
    'Mixed Case': text().describe("It's \"mixed\""),
    'dot.ted': integer().default(1),
    'select': text().default("'; DROP TABLE x; --"),
    'user': text(),
    'naïve_табл': text(),
    [name63]: integer(),
    'state': weirdEnum.column().default("it's"),
  },
  indexes: { 'Weird Index': { on: ['"Mixed Case"', '"select"'] } },
  checks: { 'Weird "Check"': sql`"dot.ted" >= 0` },
  rls: true,
  policies: { "it's a policy": { for: 'select', to: 'authenticated', using: sql`"user" = 'x''y'` } },
});

export const hostileView = view('view "of" weird', {
  schema: 'Odd Schema.v2',
  query: sql`SELECT id, "Mixed Case", "select" FROM "Odd Schema.v2"."Weird ""Name"""`,
});

export const dollars = rpc('dollar $$ body', {
  schema: 'Odd Schema.v2',
  args: { 'Input Value': 'text' },
  returns: 'text',
  language: 'plpgsql',
  volatility: 'immutable',
  body: sql`
DECLARE
  marker text := $x$contains $$ inside$x$;
BEGIN
  RETURN "Input Value" || marker || '$pgform$';
END;
`,
});
