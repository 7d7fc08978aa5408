import { describe, expect, it } from 'vitest';
import { cell, code, nestMarkdown, table } from '../../src/emit/docs/markdown.js';
import { mermaidName, mermaidType } from '../../src/emit/docs/mermaid.js';
import { brokenLinks, raggedRows } from './checks.js';
import { columnsMentioned, dropTextCasts, readableCheck, relationsRead, stripOuterParens } from '../../src/emit/docs/sql-text.js';

describe('Markdown helpers', () => {
  it.each([
    ['plain', '`plain`'],
    ['back`tick', '``back`tick``'],
    ['`edge`', '`` `edge` ``'],
    ['two\nlines', '`two lines`'],
  ])('code(%j)', (text, expected) => expect(code(text)).toBe(expected));

  it('escapes pipes and keeps line breaks in cells', () => {
    expect(cell('a | b\nc')).toBe('a \\| b<br>c');
    expect(table(['A', 'B'], [['x|y', '']])).toBe('| A | B |\n| --- | --- |\n| x\\|y |   |');
  });

  it('drops optional columns nobody filled in', () => {
    expect(table(['A', 'Note'], [['x', '']], ['Note'])).toBe('| A |\n| --- |\n| x |');
    expect(table(['A', 'Note'], [['x', 'n']], ['Note'])).toBe('| A | Note |\n| --- | --- |\n| x | n |');
  });

  it('nests headings of notes below the heading they sit under, not inside code fences', () => {
    expect(nestMarkdown('# Top\n\n```\n# code\n```\n\n## Sub', 2)).toBe('### Top\n\n```\n# code\n```\n\n#### Sub');
    expect(nestMarkdown('## Already below', 1)).toBe('## Already below');
  });
});

describe('SQL reading', () => {
  it.each([
    ["(status = ANY (ARRAY['a'::text, 'b''c'::text]))", "status IN ('a', 'b''c')"],
    ["brand = 'proxe'::text", "brand = 'proxe'"],
    ["name::text = 'x'::character varying", "name::text = 'x'"],
    ['(score >= 0 AND score <= 100)', 'score >= 0 AND score <= 100'],
    ["'7 days'::interval > x", "'7 days'::interval > x"],
  ])('readableCheck(%j)', (expression, expected) => expect(readableCheck(expression)).toBe(expected));

  it('strips only parentheses that wrap the whole expression', () => {
    expect(stripOuterParens('((a = b))')).toBe('a = b');
    expect(stripOuterParens('(a) OR (b)')).toBe('(a) OR (b)');
    expect(dropTextCasts("f(')'::text)")).toBe("f(')')");
  });

  it('finds the columns an expression mentions, not functions or strings', () => {
    expect(columnsMentioned(`lower(email) <> 'name' AND "Mixed Case" > 0`, ['email', 'name', 'Mixed Case', 'lower'])).toEqual(['email', 'Mixed Case']);
  });

  it('finds the relations a query reads, not function calls in FROM or EXTRACT(... FROM col)', () => {
    const query = `SELECT EXTRACT(epoch FROM a.created_at), x.n
      FROM public.a a
      JOIN LATERAL (SELECT n FROM "B" b WHERE b.id = a.id ORDER BY n LIMIT 1) x ON true,
      c, generate_series(1, 3) g
      WHERE EXISTS (SELECT 1 FROM d WHERE d.a_id = a.id)`;
    expect(relationsRead(query)).toEqual([['public', 'a'], ['B'], ['c'], ['d']]);
  });
});

describe('Mermaid names', () => {
  it.each([
    ['leads', 'leads'],
    ['auth.users', 'auth_users'],
    ['end', 'end_'],
    ['Class', 'Class_'],
    ['1st', '_1st'],
    ['naïve table', 'na_ve_table'],
  ])('mermaidName(%j)', (text, expected) => expect(mermaidName(text)).toBe(expected));

  it.each([
    ['timestamp with time zone', 'timestamptz'],
    ['timestamp(3) with time zone', 'timestamptz'],
    ['character varying(255)', 'varchar'],
    ['numeric(12,2)', 'numeric'],
    ['public.lead_status[]', 'lead_status[]'],
    ['"Odd Schema"."Weird Enum"', 'Weird_Enum'],
    ['double precision', 'float8'],
    ['text[][]', 'text[][]'],
  ])('mermaidType(%j)', (type, expected) => expect(mermaidType(type)).toBe(expected));
});

describe('document checks', () => {
  it('find links without an anchor and rows with a stray pipe', () => {
    expect(brokenLinks('<a id="a"></a>\n[x](#a) [y](#b)\n```\n[z](#c)\n```')).toEqual(['b']);
    expect(raggedRows('| a | b |\n| --- | --- |\n| x \\| y | z |\n| x | y | z |')).toEqual(['| x | y | z |']);
  });
});
