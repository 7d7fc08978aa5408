import { domain, enumType, integer, jsonb, rpc, sql, table, text, triggerFunction, uuid, view } from 'pgform';

/** Text that breaks naive quoting: quotes, backslashes, comment ends, dollar quotes, unicode, newlines. */
const nasty = `it's "quoted" \\back\\slash\\ */ /* $$ $pgform$ $tag$ -- not a comment ; DROP TABLE x; 🙂\nsecond line\ttab`;

export const mood = enumType('mood', [`it's`, `say "hi"`, 'back\\slash\\', 'end */', '$$', '$pgform$', ' padded ', 'ünïcødé 😀', 'a,b', '{brace}', 'NULL'], {
  description: nasty,
});

export const nastyText = domain('nasty_text', 'text', {
  default: sql`'it''s \\ */ $$'`,
  checks: { [`not "empty" */`]: sql`VALUE <> '$$'` },
  description: nasty,
});

export const touch = triggerFunction('touch', { body: sql`BEGIN RETURN NEW; END;`, description: nasty });

export const things = table('things', {
  description: nasty,
  columns: {
    id: uuid().primaryKey().describe(nasty),
    label: text().default(nasty).describe(nasty),
    backslash: text().default('C:\\path\\to\\file\\'),
    comment_end: text().default('*/ and /*'),
    dollars: text().default('$$ $a$ $$'),
    tags: text().array().default([`it's`, 'say "hi"', 'back\\slash', 'a,b', '{x}', 'NULL', '']),
    doc: jsonb().default({ quote: `it's "x"`, slash: '\\', dollars: '$$', nested: { list: ['*/', null, 1.5, true] } }),
    feeling: mood.column().default('end */'),
    strict_feeling: mood.column().default(`it's`),
    body: nastyText.column(),
    score: integer().default(0).check(sql`score >= 0`, 'score is "non-negative" */'),
  },
  checks: { "no 'bobby' tables": sql`label <> 'Robert''); DROP TABLE students;--'` },
  indexes: {
    'partial $$ index': { on: ['label'], where: sql`label <> '$$' AND backslash <> '\\'`, description: nasty },
  },
  triggers: {
    'touch "it"': { timing: 'before', events: ['insert', 'update'], function: touch, arguments: [nasty, `it's`, '$$', '\\'], description: nasty },
  },
  rls: true,
  policies: {
    "nobody's */ policy": { for: 'select', to: 'authenticated', using: sql`label <> 'it''s */'`, description: nasty },
  },
});

export const nastyView = view('nasty_view', {
  query: sql`SELECT id, label || ' it''s $$ */ \\ ' AS decorated FROM public.things WHERE label <> '$pgform$'`,
  columns: { decorated: nasty },
  description: nasty,
});

export const echo = rpc('echo', {
  args: { input: { type: 'text', default: sql`'it''s $$ */'` } },
  returns: 'text',
  language: 'sql',
  body: sql`SELECT input || ' */ $x$'`,
  description: nasty,
});
