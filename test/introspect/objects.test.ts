import { describe, expect, it } from 'vitest';
import type { Index, View } from '../../src/model/schema.js';
import { testEngines } from './databases.js';
import { grant, useFixture } from './fixture.js';

/**
 * A view query as the server prints it: `{column}` marks a column PostgreSQL before 16 qualifies
 * with its relation's name in a view over a single relation.
 */
function viewQuery(version: number, relation: string, text: string): string {
  return text.replace(/\{(\w+)\}/g, version >= 160000 ? '$1' : `${relation}.$1`);
}

for (const engine of testEngines) {
  describe.skipIf(engine.unavailable !== undefined)(`types, sequences and views on ${engine.name}`, () => {
    const fixture = useFixture(engine);

    it('lists selected namespaces with grants and comments, and existing external ones', () => {
      expect(fixture().schema.namespaces).toEqual({
        'Weird "Name"': { name: 'Weird "Name"', grants: [] },
        auth: { name: 'auth', external: true, grants: [] },
        crm: {
          name: 'crm',
          grants: [grant('pgform_test_reader', ['USAGE']), grant('pgform_test_writer', ['CREATE', 'USAGE'], true)],
          comment: 'Customer data',
        },
        public: { name: 'public', grants: [grant('PUBLIC', ['USAGE'])], comment: 'standard public schema' },
      });
    });

    it('lists extensions with their installed version but none of the objects they own', () => {
      const { schema } = fixture();
      expect(schema.extensions).toEqual({ citext: { name: 'citext', schema: 'crm', version: expect.stringMatching(/^1\.[0-9]+$/), defaultVersion: expect.stringMatching(/^1\.[0-9]+$/), defaultComment: expect.any(String) } });
      expect(Object.keys(schema.routines).filter((id) => id.includes('citext'))).toEqual([]);
      expect(Object.keys(schema.domains)).toEqual(['crm.email', 'crm.positive']);
    });

    it('reads enums in sort order and domains with checks', () => {
      const { schema } = fixture();
      expect(schema.enums).toEqual({
        'crm.lead_status': {
          schema: 'crm',
          name: 'lead_status',
          values: ['new', 'contacted', 'qualified', 'won', 'lost'],
          comment: 'Where a lead stands',
        },
      });
      expect(schema.domains).toEqual({
        'crm.email': {
          schema: 'crm',
          name: 'email',
          type: 'text',
          notNull: true,
          default: "'nobody@example.com'::text",
          collation: 'C',
          checks: { email_has_at: { expression: "VALUE ~~ '%@%'::text" }, email_short: { expression: 'length(VALUE) < 255' } },
          comment: 'An e-mail address',
        },
        'crm.positive': {
          schema: 'crm',
          name: 'positive',
          type: 'numeric(10,2)',
          notNull: false,
          checks: { positive_check: { expression: 'VALUE > 0::numeric' } },
        },
      });
    });

    it('reads standalone and OWNED BY sequences, never identity ones', () => {
      expect(fixture().schema.sequences).toEqual({
        'crm.contact_seq': {
          schema: 'crm',
          name: 'contact_seq',
          type: 'bigint',
          start: '1',
          increment: '1',
          min: '1',
          max: '9223372036854775807',
          cache: '1',
          cycle: false,
          ownedBy: { table: 'crm.contacts', column: 'seq' },
          grants: [],
        },
        'crm.invoice_number': {
          schema: 'crm',
          name: 'invoice_number',
          type: 'integer',
          start: '1000',
          increment: '5',
          min: '10',
          max: '999999',
          cache: '3',
          cycle: true,
          grants: [grant('pgform_test_writer', ['SELECT', 'USAGE'])],
          comment: 'Invoice numbers',
        },
      });
    });

    it('reads views with options, check options, column comments and views on views', () => {
      const { schema, version } = fixture();
      const base = { materialized: false, indexes: {}, grants: [] } satisfies Partial<View>;
      expect(schema.views['crm.active_accounts']).toEqual({
        ...base,
        schema: 'crm',
        name: 'active_accounts',
        definition: viewQuery(version, 'accounts', " SELECT {id},\n    {name},\n    {status}\n   FROM crm.accounts\n  WHERE {status} <> 'lost'::crm.lead_status;"),
        // Every column is a plain reference to the table: PostgreSQL writes through all of them.
        columns: [
          { name: 'id', type: 'bigint', updatable: true },
          { name: 'name', type: 'text', comment: 'Display name', updatable: true },
          { name: 'status', type: 'crm.lead_status', updatable: true },
        ],
        updatable: true,
        securityInvoker: true,
        checkOption: 'cascaded',
        grants: [grant('pgform_test_reader', ['SELECT'])],
        comment: 'Accounts still in play',
      });
      expect(schema.views['crm.won_accounts']).toEqual({
        ...base,
        schema: 'crm',
        name: 'won_accounts',
        definition: viewQuery(version, 'active_accounts', " SELECT {id},\n    {name}\n   FROM crm.active_accounts\n  WHERE {status} = 'won'::crm.lead_status;"),
        columns: [
          { name: 'id', type: 'bigint', updatable: true },
          { name: 'name', type: 'text', updatable: true },
        ],
        updatable: true,
        securityBarrier: true,
        checkOption: 'local',
      });
    });

    it('reads materialized views with their indexes', () => {
      const { schema, version } = fixture();
      const index: Index = { name: 'account_totals_status', unique: true, method: 'btree', keys: ['status'], include: [] };
      expect(schema.views['crm.account_totals']).toEqual({
        schema: 'crm',
        name: 'account_totals',
        materialized: true,
        definition: viewQuery(
          version,
          'accounts',
          ' SELECT {status},\n    count(*) AS accounts,\n    sum({balance}) AS balance\n   FROM crm.accounts\n  GROUP BY {status};',
        ),
        columns: [
          { name: 'status', type: 'crm.lead_status' },
          { name: 'accounts', type: 'bigint' },
          { name: 'balance', type: 'numeric' },
        ],
        indexes: { account_totals_status: index },
        grants: [],
        comment: 'Totals per status',
      });
    });
  });
}
