/*
 * Names and text that break naive Markdown and Mermaid: pipes, backticks, quotes, dots and spaces
 * in names; Mermaid keywords (end, class, pk) as table and column names; two tables whose anchors
 * slug alike (`Leads`, `leads`); a second schema; descriptions with `|`, newlines and Markdown; a group whose name
 * carries brackets and a pipe.
 */
import { enumType, integer, schema, sql, system, table, text, uuid, view } from 'pgform';

const odd = 'Odd | Group [1]';

export const docs = system({
  title: 'Hostile | names',
  note: '# A top-level heading in the note\n\nIt is pushed below the title.\n\n```sql\n# not a heading\n```',
  groups: { [odd]: { description: 'Group with `|` and [brackets] in its name' } },
  joins: [{ from: 'end.label', to: 'class.label', description: 'Labels | match' }],
});

export const other = schema('Other Schema', { description: 'A second schema with a space' });

export const mood = enumType('mood', ['it\'s "fine"', 'a|b', 'back`tick'], { group: odd, description: 'Values with quotes, a pipe and a backtick' });

export const end = table('end', {
  group: odd,
  description: 'Named like a Mermaid keyword | with a pipe\nand a second line',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Plain'),
    pk: text().describe('Column named like a Mermaid key | marker'),
    'Mixed Case': text().describe('Needs quoting in SQL'),
    'back`tick': text().describe('Backtick in the name'),
    'pipe|col': integer().check(sql`"pipe|col" > 0`).describe('Pipe in the name'),
    '1st': integer().describe('Starts with a digit'),
    label: text().notNull().unique(),
    feeling: mood.column().array().describe('Array of an enum'),
  },
  rls: true,
  policies: { 'Can *read* | everything': { for: 'select', to: 'anon', using: sql`"Mixed Case" <> '|'` } },
});

export const klass = table('class', {
  group: odd,
  description: '**Bold** and `code` in a description',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    end_id: uuid().references(() => end, 'id').index(),
    label: text().notNull(),
  },
  rls: true,
});

export const upper = table('Leads', {
  description: 'Slugs like leads',
  columns: { id: uuid().primaryKey().defaultRandom(), class_id: uuid().references(() => klass, 'id', { onDelete: 'cascade' }).index() },
  rls: true,
});

export const lower = table('leads', {
  description: 'Slugs like Leads',
  columns: { id: uuid().primaryKey().defaultRandom(), other_id: uuid().notNull().references(() => upper, 'id') },
  rls: true,
});

export const weird = table('weird "quoted" table', {
  schema: 'Other Schema',
  description: 'Quotes in the name',
  columns: { 'weird id': uuid().primaryKey().defaultRandom() },
  rls: true,
});

export const pipes = view('pipes | view', {
  group: odd,
  description: 'View with a pipe in its name',
  query: sql`SELECT e.id, e."pipe|col" FROM "end" e JOIN "class" c ON c.end_id = e.id`,
  columns: { 'pipe|col': 'The | column' },
});
