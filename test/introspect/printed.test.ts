import { describe, expect, it } from 'vitest';
import { indexKeys, keyValues, optionIsTrue, sqlStandardBody, triggerArguments, triggerWhen } from '../../src/introspect/printed.js';

describe('indexKeys', () => {
  it('splits keys at top-level commas only, past quoted names and literals', () => {
    const def = `CREATE INDEX "a (b" ON "x, y"."t(" USING btree ("c,d" DESC, lower(e, ','), (f || ')'::text) COLLATE "C") INCLUDE (g) WHERE (h > 0)`;
    expect(indexKeys(def)).toEqual([`"c,d" DESC`, `lower(e, ',')`, `(f || ')'::text) COLLATE "C"`]);
  });
  it('keeps doubled quotes inside names', () => {
    expect(indexKeys(`CREATE INDEX i ON s.t USING btree ("say ""hi"", (x)" NULLS FIRST)`)).toEqual([`"say ""hi"", (x)" NULLS FIRST`]);
  });
});

describe('triggerWhen', () => {
  it('reads the parenthesised condition, even with parentheses in literals and names', () => {
    const def = `CREATE TRIGGER "WHEN (" BEFORE UPDATE ON s.t FOR EACH ROW WHEN ((old.a <> new.a) AND new.b <> ') ('::text) EXECUTE FUNCTION s.f()`;
    expect(triggerWhen(def)).toBe(`(old.a <> new.a) AND new.b <> ') ('::text`);
  });
  it('is undefined without a WHEN clause', () => {
    expect(triggerWhen('CREATE TRIGGER t AFTER INSERT ON s.t FOR EACH ROW EXECUTE FUNCTION s.f()')).toBeUndefined();
  });
});

describe('triggerArguments', () => {
  it('splits at zero bytes and decodes UTF-8, empty arguments included', () => {
    const hex = Buffer.from('a\0naïve\0\0x\\y\0', 'utf8').toString('hex');
    expect(triggerArguments(hex, 4)).toEqual(['a', 'naïve', '', 'x\\y']);
    expect(triggerArguments('', 0)).toEqual([]);
  });
});

describe('sqlStandardBody', () => {
  it('keeps the body after the header lines', () => {
    const def = 'CREATE OR REPLACE FUNCTION s.f()\n RETURNS bigint\n LANGUAGE sql\nBEGIN ATOMIC\n SELECT 1;\nEND\n';
    expect(sqlStandardBody(def)).toBe('BEGIN ATOMIC\n SELECT 1;\nEND');
    expect(sqlStandardBody('CREATE OR REPLACE FUNCTION s.g(x integer)\n RETURNS integer\n LANGUAGE sql\nRETURN (x * 2)\n')).toBe('RETURN (x * 2)');
  });
});

describe('options', () => {
  it('splits entries at the first equals sign', () => {
    expect(keyValues(['search_path=a=b', 'work_mem=64MB'])).toEqual({ search_path: 'a=b', work_mem: '64MB' });
    expect(keyValues(null)).toEqual({});
  });
  it('reads booleans as PostgreSQL does', () => {
    for (const yes of ['true', 'on', 'ON', '1', 'yes', 't', 'y']) expect(optionIsTrue(yes)).toBe(true);
    for (const no of ['false', 'off', '0', 'no', 'o', '', undefined]) expect(optionIsTrue(no)).toBe(false);
  });
});
