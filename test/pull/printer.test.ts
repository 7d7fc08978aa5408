import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { stringWidth } from '../../src/emit/layout/width.js';
import { arr, bool, call, method, num, obj, sqlText, str, strings, type Expr } from '../../src/emit/pull/code.js';
import { isBareKey } from '../../src/emit/pull/literals.js';
import { printDeclaration, printImport } from '../../src/emit/pull/print.js';
import { random, type Random } from '../support/random.js';
import { oneLineExpr } from './one-line.js';
import { formatPulled, formatSettled } from './support.js';

const names = (target: string) => target;
const v = (name: string): Expr => ({ kind: 'var', target: name });

/**
 * The printer's text for `export const value = <expr>;` must be what prettier leaves as it is,
 * and what prettier makes of it written on one line (formatted again while that changes it:
 * prettier keeps the objects it broke broken, which can change other layouts).
 */
async function expectPrettierLayout(expr: Expr, name = 'value'): Promise<string> {
  const printed = `${printDeclaration(name, expr, names)}\n`;
  expect(printed).toBe(await formatSettled(`export const ${name} = ${oneLineExpr(expr, names)};\n`));
  return printed;
}

/** A chain on `text()` whose one-line declaration is exactly `width` columns long. */
function chainOfWidth(width: number): Expr {
  const fixed = `export const value = text().notNull().default('');`.length;
  return method(method(call('text'), 'notNull'), 'default', str('x'.repeat(width - fixed)));
}

describe('the pull printer lays out tricky shapes as prettier does', () => {
  it('keeps a chain that just fits on one line and breaks one a column longer', async () => {
    const fits = await expectPrettierLayout(chainOfWidth(120));
    expect(fits.split('\n')[0]!.length).toBe(120);
    const over = await expectPrettierLayout(chainOfWidth(121));
    expect(over.split('\n').length).toBeGreaterThan(2);
  });

  it('keeps a property that just fits its line flat and breaks one a column longer, objects inside it too', async () => {
    // `  key: z.x({ a: 'xx…' }).describe('…'),` inside a table object that cannot fit on one line.
    const property = (width: number) => {
      const fixed = `    b: z.x({ a: '' }).nullable(),`.length;
      return method(method({ kind: 'dsl', name: 'z' }, 'x', obj([['a', str('x'.repeat(width - fixed))]])), 'nullable');
    };
    for (const width of [119, 120, 121]) {
      const printed = await expectPrettierLayout(call('table', str('t'), obj([['columns', obj([['a', str('y'.repeat(100))], ['b', property(width)]])]])));
      const line = printed.split('\n').find((l) => l.startsWith('    b:'))!;
      expect(line.length === width).toBe(width <= 120);
    }
  });

  it('breaks around long string arguments', async () => {
    const long = 'a long description that goes on and on, '.repeat(4);
    await expectPrettierLayout(call('enumType', str(long), strings(['a', 'b'])));
    await expectPrettierLayout(call('schema', str(long)));
    await expectPrettierLayout(obj([['description', str(long)], ['x', str(long)]]));
    await expectPrettierLayout(method(call('text'), 'describe', str(long)));
  });

  it('hugs a last object argument, with nested objects inside', async () => {
    const nested = obj([
      ['schema', str('crm')],
      ['columns', obj([['id', method(call('uuid'), 'primaryKey')], ['owner_id', method(method(call('uuid'), 'notNull'), 'references', str('profiles'), str('id'), obj([['onDelete', str('cascade')]]))]])],
      ['policies', obj([['Owners manage their leads', obj([['for', str('all')], ['using', sqlText('(owner_id = auth.uid())')]])]])],
    ]);
    await expectPrettierLayout(call('table', str('leads'), nested));
    await expectPrettierLayout(call('table', str('t'), obj([['columns', obj([['id', call('integer')]])]])));
    await expectPrettierLayout(call('x', obj([['a', num(1)]]), obj([['b', num(2)]])));
  });

  it('breaks arrays of many strings one a line and fills arrays of numbers', async () => {
    const values = Array.from({ length: 30 }, (_, i) => `value_${i}`);
    await expectPrettierLayout(call('enumType', str('status'), strings(values), obj([['schema', str('crm')]])));
    await expectPrettierLayout(obj([['default', arr(Array.from({ length: 60 }, (_, i) => num(i * 37 - 400)))]]));
    await expectPrettierLayout(arr([obj([['a', num(1)], ['b', num(2)]]), obj([['a', num(3)], ['b', num(4)]])]));
    await expectPrettierLayout(arr([strings(['a', 'b']), strings(['c', 'd'])]));
  });

  it('breaks a member chain with many calls, and one with a template argument', async () => {
    const chain = ['notNull', 'unique', 'index', 'describe'].reduce((expr, name) => method(expr, name), call('text'));
    await expectPrettierLayout(chain);
    await expectPrettierLayout(method(method(call('timestamptz'), 'notNull'), 'default', sqlText('now()')));
    await expectPrettierLayout(method(method(v('leadStatus'), 'column'), 'notNull'));
    await expectPrettierLayout(method(method(method(v('Factory'), 'column'), 'notNull'), 'default', str('x')));
  });

  it('keeps multi-line sql templates exactly as written', async () => {
    const body = '\nBEGIN\n  NEW.updated_at := now();   \n\tRETURN NEW;\nEND;\n';
    await expectPrettierLayout(call('triggerFunction', str('set_updated_at'), obj([['body', sqlText(body)]])));
    await expectPrettierLayout(method(method(call('text'), 'notNull'), 'default', sqlText("'a'::text ||\n'b'")));
    await expectPrettierLayout(method(call('text'), 'generated', sqlText('a\nb `c` ${d} \\')));
    await expectPrettierLayout(obj([['checks', obj([['c', sqlText('x > 0\n  AND y > 0')]])], ['query', sqlText(`\n SELECT ${'a, '.repeat(60)}b\n`)]]));
  });

  it('measures unicode and wide characters as prettier does', async () => {
    for (const text of ['日本語の説明', '🎉 party 🎉', 'naïve café', 'e\u0301', '👨‍👩‍👧 family', 'ｆｕｌｌｗｉｄｔｈ']) {
      const fill = 'x'.repeat(Math.max(0, 80 - stringWidth(text)));
      for (let extra = 0; extra < 4; extra++) {
        await expectPrettierLayout(method(call('text'), 'describe', str(`${text}${fill}${'y'.repeat(extra)}`)));
      }
    }
  });

  it('writes what prettier leaves as it is where formatting its own output would change it', async () => {
    // Formatted once, the chain breaks to fit the hugged options; formatted again, the options
    // object stays broken (its first key is on a line of its own) and the chain fits on one line.
    const options = obj([['onDelete', str('cascade')], ['name', str('a constraint name long enough to push the chain past the width')]]);
    const column = method(method(call('uuid'), 'notNull'), 'references', str('profiles'), str('id'), options);
    const printed = await expectPrettierLayout(obj([['owner_id', column]]));
    expect(printed).toContain(`owner_id: uuid().notNull().references('profiles', 'id', {`);
  });

  it('breaks a long import list one name a line', async () => {
    const dsl = ['bigint', 'boolean', 'column', 'date', 'domain', 'enumType', 'integer', 'jsonb', 'numeric', 'rpc', 'schema', 'sequence', 'sql', 'table', 'text', 'timestamptz', 'uuid', 'varchar', 'view'];
    for (const count of [1, 3, 14, 19]) {
      const imported = dsl.slice(0, count);
      const printed = `${printImport(imported, 'pgform')}\n`;
      expect(printed).toBe(await formatPulled(`import { ${imported.join(', ')} } from 'pgform';\n`));
    }
  });

  it('quotes keys only when they need it, and picks the quote with fewer escapes', async () => {
    const keys = ['plain', 'for', 'default', '2024', '1.5', 'Mixed Case', 'naïve', 'колонка', '日本', '$x', '_', 'a-b', '', "it's", 'say "hi"', '𝒜', 'ՠ', 'a\u1cf2', '\u1cf2a'];
    await expectPrettierLayout(obj(keys.map((key) => [key, str(key)])));
    await expectPrettierLayout(strings(["it's", 'say "hi"', `both ' and "`, `'' and "`, 'back\\slash', 'tab\tnew\nline', '\u2028', '\u0001']));
  });
});

describe('the printer agrees with prettier on', () => {
  it('how many columns every character takes', () => {
    const differences: string[] = [];
    for (let code = 0; code <= 0x3ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = String.fromCodePoint(code);
      if (stringWidth(text) !== prettier.util.getStringWidth(text)) differences.push(code.toString(16));
    }
    for (const text of ['👨‍👩‍👧', '🇺🇸', '#️⃣', '👍🏽', '🏳️‍🌈', '☺️', 'e\u0301\u0302', '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}']) {
      if (stringWidth(text) !== prettier.util.getStringWidth(text)) differences.push(text);
    }
    expect(differences).toEqual([]);
  });

  it('which keys go bare, for every character of the Basic Multilingual Plane', async () => {
    const keys: string[] = [];
    for (let code = 0x80; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      keys.push(String.fromCharCode(code), `a${String.fromCharCode(code)}`);
    }
    const source = `x = {\n${keys.map((key, i) => `${JSON.stringify(key)}: ${i},`).join('\n')}\n};\n`;
    const lines = (await formatPulled(source)).split('\n').slice(1, -2);
    const differences = keys.filter((key, i) => /^\s*["']/.test(lines[i]!) === isBareKey(key));
    expect(differences).toEqual([]);
  });
});

const words = ['id', 'lead', 'status', 'created_at', 'for', 'Mixed Case', "it's", 'say "hi"', 'naïve', '日本語', '🎉', '2024', 'a-b', 'back\\slash', '`tick`', '${x}', 'x'];
const builders = ['uuid', 'text', 'table', 'schema', 'enumType', 'rpc', 'column', 'numeric', 'varchar', 'Factory', 'a_rather_long_builder_name_here'];
const methods = ['notNull', 'primaryKey', 'default', 'references', 'describe', 'array', 'index', 'unique', 'column'];

function text(r: Random): string {
  let out = '';
  for (let i = 0; i < 1 + r.int(4); i++) out += r.pick(words);
  return r.int(4) === 0 ? out + ' '.repeat(r.int(3)) + 'z'.repeat(r.int(110)) : out;
}

function leaf(r: Random): Expr {
  switch (r.int(9)) {
    case 0:
      return { kind: 'number', value: r.pick([0, -0, 1, -1, 2.5, -7.25, 1e21, 1e-7, 123456789, Number.MAX_SAFE_INTEGER]) };
    case 1:
      return num(r.pick(['9223372036854775807', '-9223372036854775808']));
    case 2:
      return bool(r.int(2) === 0);
    case 3:
      return { kind: 'null' };
    case 4:
      return sqlText(r.int(2) === 0 ? text(r) : `${text(r)}\n${text(r)}${r.int(2) === 0 ? '\n' : ''}`);
    case 5:
      return v(r.pick(['leadStatus', 'Factory', '_', 'a_variable_whose_name_is_quite_a_bit_longer_than_thirty']));
    default:
      return str(text(r));
  }
}

function expr(r: Random, depth: number): Expr {
  if (depth <= 0) return leaf(r);
  switch (r.int(6)) {
    case 0:
      return call(r.pick(builders), ...Array.from({ length: r.int(4) }, () => expr(r, depth - 1)));
    case 1: {
      let chain: Expr = r.int(3) === 0 ? method(v('leadStatus'), 'column') : call(r.pick(builders), ...Array.from({ length: r.int(2) }, () => leaf(r)));
      for (let i = 0; i < 1 + r.int(5); i++) chain = method(chain, r.pick(methods), ...Array.from({ length: r.int(3) }, () => expr(r, depth - 2)));
      return chain;
    }
    case 2:
      return obj(Array.from({ length: r.int(6) }, () => [r.int(3) === 0 ? text(r) : r.pick(words), expr(r, depth - 1)]));
    case 3: {
      const kind = r.int(4);
      return arr(Array.from({ length: r.int(7) }, () => (kind === 0 ? num(String(r.int(2000) - 1000)) : kind === 1 ? obj([['a', leaf(r)], ['b', leaf(r)]]) : expr(r, depth - 1))));
    }
    default:
      return leaf(r);
  }
}

describe('the printer agrees with prettier on random expressions', () => {
  const seeds = Array.from({ length: Number(process.env.PGFORM_LAYOUT_RUNS ?? 150) }, (_, i) => i + 1);
  it.each(seeds)('seed %i', async (seed) => {
    const r = random(seed);
    await expectPrettierLayout(call(r.pick(builders), str(text(r)), expr(r, 4)), r.pick(['value', 'x', 'aVariableNameOfSomeLength']));
  });
});
