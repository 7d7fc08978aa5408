import { enumType, integer, jsonb, rpc, sql, table, text, timestamptz, uuid, view } from 'pgform';

const long63 = 'a'.repeat(59) + '_end';

export const leadStatus = enumType('lead_status', ['new', 'won']);

/** Enum names of 63 characters push `export const ...Values = [` past the line width. */
export const longEnum = enumType('e'.repeat(60) + '_xy', ['one', 'two']);

export const leadStatusTable = table('Lead Status', {
  description: 'Same PascalCase name as the enum: gets a suffix',
  columns: { id: integer().primaryKey(), status: leadStatus.column() },
});

export const leadStatusDashed = table('lead-status', {
  description: 'Same PascalCase name again',
  columns: { id: integer().primaryKey() },
});

export const dateTable = table('date', {
  description: 'Would shadow the global Date',
  columns: { id: integer().primaryKey(), at: timestamptz() },
});

export const digits = table('123 go', {
  columns: { id: integer().primaryKey() },
});

export const weird = table('Weird "Name" it\'s', {
  description: 'Comment with */ inside and a\nsecond line',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    'Mixed Case': text().describe('It\'s "mixed"'),
    'quote"d': text(),
    "it's": text(),
    'back\\slash': text(),
    'dot.ted': integer().default(1),
    select: text(),
    class: text(),
    default: text(),
    constructor: text(),
    ['__proto__']: text(),
    '1st': text(),
    'has space': integer().notNull(),
    naïve_табл: text(),
    '日本語の列名は全角文字で幅が二倍abc': integer(),
    '🎉': text(),
    [long63]: integer(),
    [long63.replace(/^a/, 'b')]: integer().default(0),
    [long63.replace(/^a/, 'c')]: text().notNull().default('x'),
    [long63.replace(/^a/, 'd')]: jsonb(),
    [long63.replace(/^a/, 'f')]: timestamptz().defaultNow(),
    [long63.replace(/^a/, 'g')]: leadStatus.column().default('new'),
    [long63.replace(/^a/, 'h')]: text().array(),
  },
});

export const hostileView = view('view "of" weird', {
  query: sql`SELECT id, "Mixed Case", "select" FROM public."Weird ""Name"" it's"`,
});

export const dollars = rpc('dollar $$ fn', {
  args: { 'Input Value': 'text' },
  returns: 'text',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT "Input Value"`,
});
