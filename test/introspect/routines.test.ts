import { describe, expect, it } from 'vitest';
import type { Routine } from '../../src/model/schema.js';
import { testEngines } from './databases.js';
import { grant, useFixture } from './fixture.js';

const everyone = [grant('PUBLIC', ['EXECUTE'])];

/** A routine with PostgreSQL's defaults for everything not given. */
function routine(schema: string, name: string, parts: Partial<Routine>): Routine {
  return {
    schema,
    name,
    kind: 'function',
    arguments: [],
    language: 'sql',
    volatility: 'volatile',
    strict: false,
    securityDefiner: false,
    leakproof: false,
    parallel: 'unsafe',
    settings: {},
    body: '',
    grants: everyone,
    ...parts,
  };
}

for (const engine of testEngines) {
  describe.skipIf(engine.unavailable !== undefined)(`routines on ${engine.name}`, () => {
    const fixture = useFixture(engine);
    const routines = () => fixture().schema.routines;

    it('keys routines by name and identity argument types, overloads apart', () => {
      expect(Object.keys(routines())).toEqual([
        '"Weird ""Name"""."Fn.Name"(text,integer[])',
        'crm.account_count()',
        'crm.account_name(bigint)',
        'crm.account_name(text)',
        'crm.accounts_by_status(crm.lead_status)',
        'crm.archive(timestamp with time zone)',
        'crm.audit()',
        'crm.bump(integer,integer)',
        'crm.double_it(integer)',
        'crm.secret_count()',
        'crm.split_name(text)',
        'crm.top_accounts(integer)',
        'crm.total(numeric[])',
        'crm.touch()',
      ]);
    });

    it('reads argument modes, names, defaults and results: SETOF, TABLE, OUT, INOUT, VARIADIC', () => {
      expect(routines()['crm.accounts_by_status(crm.lead_status)']).toEqual(
        routine('crm', 'accounts_by_status', {
          arguments: [{ name: 'status', type: 'crm.lead_status', mode: 'in', default: "'new'::crm.lead_status" }],
          returns: 'SETOF crm.accounts',
          volatility: 'stable',
          body: ' SELECT * FROM crm.accounts a WHERE a.status = $1 ',
        }),
      );
      expect(routines()['crm.split_name(text)']).toEqual(
        routine('crm', 'split_name', {
          arguments: [
            { name: 'full_name', type: 'text', mode: 'in' },
            { name: 'first', type: 'text', mode: 'out' },
            { name: 'last', type: 'text', mode: 'out' },
          ],
          returns: 'record',
          volatility: 'immutable',
          body: " SELECT split_part(full_name, ' ', 1), split_part(full_name, ' ', 2) ",
        }),
      );
      expect(routines()['crm.top_accounts(integer)']).toEqual(
        routine('crm', 'top_accounts', {
          arguments: [{ name: 'lim', type: 'integer', mode: 'in', default: '10' }],
          returns: 'TABLE(id bigint, name text)',
          volatility: 'stable',
          body: ' SELECT id, name FROM crm.accounts ORDER BY balance DESC LIMIT lim ',
        }),
      );
      expect(routines()['crm.total(numeric[])']).toEqual(
        routine('crm', 'total', {
          arguments: [{ name: 'amounts', type: 'numeric[]', mode: 'variadic' }],
          returns: 'numeric',
          volatility: 'immutable',
          leakproof: true,
          parallel: 'restricted',
          body: ' SELECT sum(a) FROM unnest(amounts) a ',
        }),
      );
      expect(routines()['crm.bump(integer,integer)']).toEqual(
        routine('crm', 'bump', {
          arguments: [
            { name: 'counter', type: 'integer', mode: 'inout' },
            { name: 'step', type: 'integer', mode: 'in', default: '1' },
          ],
          returns: 'integer',
          language: 'plpgsql',
          body: ' BEGIN counter := counter + step; END ',
        }),
      );
    });

    it('reads security definer, settings, strictness, parallel safety, grants and comments', () => {
      expect(routines()['crm.secret_count()']).toEqual(
        routine('crm', 'secret_count', {
          returns: 'bigint',
          securityDefiner: true,
          settings: { search_path: '""', work_mem: '64MB' },
          body: ' SELECT count(*) FROM crm.accounts ',
          grants: [grant('pgform_test_reader', ['EXECUTE'])],
        }),
      );
      expect(routines()['crm.account_name(bigint)']).toEqual(
        routine('crm', 'account_name', {
          arguments: [{ name: 'account_id', type: 'bigint', mode: 'in' }],
          returns: 'text',
          volatility: 'stable',
          strict: true,
          parallel: 'safe',
          body: ' SELECT name FROM crm.accounts WHERE id = account_id ',
          comment: 'Name of an account',
        }),
      );
    });

    it('reads procedures, plpgsql bodies exactly and SQL-standard bodies from their definition', () => {
      expect(routines()['crm.archive(timestamp with time zone)']).toEqual(
        routine('crm', 'archive', {
          kind: 'procedure',
          arguments: [{ name: 'before', type: 'timestamp with time zone', mode: 'in' }],
          language: 'plpgsql',
          body: '\nBEGIN\n  DELETE FROM crm.notes WHERE false;\nEND\n',
          comment: 'Moves old notes away',
        }),
      );
      expect(routines()['crm.touch()']).toEqual(
        routine('crm', 'touch', {
          returns: 'trigger',
          language: 'plpgsql',
          body: '\nBEGIN\n  NEW.created_at := now();\n  RETURN NEW;\nEND\n',
        }),
      );
      expect(routines()['crm.double_it(integer)']).toEqual(
        routine('crm', 'double_it', {
          arguments: [{ name: 'x', type: 'integer', mode: 'in' }],
          returns: 'integer',
          volatility: 'immutable',
          body: 'RETURN (x * 2)',
          standardBody: true,
        }),
      );
      expect(routines()['crm.account_count()']).toEqual(
        routine('crm', 'account_count', {
          returns: 'bigint',
          volatility: 'stable',
          body: 'BEGIN ATOMIC\n SELECT count(*) AS count\n    FROM crm.accounts;\nEND',
          standardBody: true,
        }),
      );
    });

    it('keeps hostile routine and argument names raw', () => {
      expect(routines()['"Weird ""Name"""."Fn.Name"(text,integer[])']).toEqual(
        routine('Weird "Name"', 'Fn.Name', {
          arguments: [
            { name: 'arg one', type: 'text', mode: 'in' },
            { name: 'a,b', type: 'integer[]', mode: 'in' },
          ],
          returns: 'text',
          volatility: 'immutable',
          body: ' SELECT $1 ',
        }),
      );
    });
  });
}
