import { describe, expect, it } from 'vitest';
import { bareTable, type Table } from '../../src/model/schema.js';
import { testEngines } from './databases.js';
import { grant, useFixture } from './fixture.js';

const weird = 'Weird "Name"';
const longName = `long_${'ж'.repeat(29)}`;

function table(schema: string, name: string, parts: Partial<Table>): Table {
  return { ...bareTable(schema, name), ...parts };
}

for (const engine of testEngines) {
  describe.skipIf(engine.unavailable !== undefined)(`tables on ${engine.name}`, () => {
    const fixture = useFixture(engine);

    it('keys tables by id, hostile names included, and reads nothing of external namespaces', () => {
      expect(Object.keys(fixture().schema.tables)).toEqual([
        `"Weird ""Name""".long_${'ж'.repeat(29)}`,
        `"Weird ""Name""".naïve_табл`,
        `"Weird ""Name"""."Table With Spaces.And.Dots"`,
        'crm.accounts',
        'crm.contacts',
        'crm.notes',
      ].sort((a, b) => (a < b ? -1 : 1)));
      expect(Buffer.byteLength(longName)).toBe(63);
    });

    it('reads composite and deferrable foreign keys, NULLS NOT DISTINCT and NO INHERIT', () => {
      const allPrivileges = ['DELETE', 'INSERT', ...(fixture().version >= 170000 ? ['MAINTAIN'] : []), 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'];
      expect(fixture().schema.tables['crm.contacts']).toEqual(
        table('crm', 'contacts', {
          columns: [
            { name: 'account_id', type: 'bigint', notNull: true },
            { name: 'seq', type: 'integer', notNull: true, default: "nextval('crm.contact_seq'::regclass)" },
            { name: 'email', type: 'text', notNull: false },
            { name: 'phone', type: 'text', notNull: false },
            { name: 'select', type: 'text', notNull: false },
            { name: 'user', type: 'text', notNull: false },
          ],
          constraints: {
            contacts_account_fk: {
              kind: 'foreign key',
              name: 'contacts_account_fk',
              columns: ['account_id'],
              references: { table: 'crm.accounts', columns: ['id'] },
              onDelete: 'CASCADE',
              onUpdate: 'NO ACTION',
              deferrable: true,
              initiallyDeferred: true,
            },
            contacts_email_key: { kind: 'unique', name: 'contacts_email_key', columns: ['email'], nullsNotDistinct: true },
            contacts_pkey: { kind: 'primary key', name: 'contacts_pkey', columns: ['account_id', 'seq'] },
            email_or_phone: { kind: 'check', name: 'email_or_phone', expression: 'email IS NOT NULL OR phone IS NOT NULL', noInherit: true },
          },
          indexes: {
            contacts_phone: { name: 'contacts_phone', unique: true, method: 'btree', keys: ['phone'], include: [], nullsNotDistinct: true },
          },
          triggers: {
            contacts_audit: {
              name: 'contacts_audit',
              timing: 'AFTER',
              events: ['DELETE'],
              level: 'ROW',
              function: 'crm.audit',
              arguments: ['naïve'],
              enabled: 'always',
            },
          },
          policies: {
            contacts_delete: {
              name: 'contacts_delete',
              command: 'DELETE',
              permissive: true,
              // CREATE POLICY keeps only PUBLIC when it is among the roles.
              roles: ['public'],
              using: '("user" = CURRENT_USER)',
            },
          },
          rls: { enabled: true, forced: false },
          grants: [grant('pgform_test_writer', allPrivileges, true)],
        }),
      );
    });

    it('reads MATCH FULL, SET NULL / SET DEFAULT actions and generated columns', () => {
      const virtual = fixture().version >= 180000 ? [{ name: 'body_length', type: 'integer', notNull: false, generated: 'length(body)' }] : [];
      expect(fixture().schema.tables['crm.notes']).toEqual(
        table('crm', 'notes', {
          columns: [
            { name: 'id', type: 'integer', notNull: true },
            { name: 'account_id', type: 'bigint', notNull: false },
            { name: 'contact_seq', type: 'integer', notNull: false },
            { name: 'body', type: 'text', notNull: true },
            ...virtual,
          ],
          constraints: {
            notes_contact_fk: {
              kind: 'foreign key',
              name: 'notes_contact_fk',
              columns: ['account_id', 'contact_seq'],
              references: { table: 'crm.contacts', columns: ['account_id', 'seq'] },
              onDelete: 'SET DEFAULT',
              onUpdate: 'SET NULL',
              match: 'FULL',
            },
            notes_pkey: { kind: 'primary key', name: 'notes_pkey', columns: ['id'] },
          },
        }),
      );
    });

    it('keeps raw names and prints quoted identifiers inside expressions', () => {
      const constraintName = 'Table With Spaces.And.Dots_account_id_fkey';
      expect(fixture().schema.tables[`"Weird ""Name"""."Table With Spaces.And.Dots"`]).toEqual(
        table(weird, 'Table With Spaces.And.Dots', {
          columns: [
            { name: 'Id', type: 'integer', notNull: true },
            { name: 'select', type: 'text', notNull: false, collation: 'POSIX' },
            { name: 'user', type: 'text', notNull: false },
            { name: 'naïve_табл', type: 'text', notNull: false },
            { name: 'col (paren), comma', type: 'integer', notNull: false },
            { name: 'account_id', type: 'bigint', notNull: false },
          ],
          constraints: {
            [constraintName]: {
              kind: 'foreign key',
              name: constraintName,
              columns: ['account_id'],
              references: { table: 'crm.accounts', columns: ['id'] },
              onDelete: 'NO ACTION',
              onUpdate: 'NO ACTION',
            },
            'Table With Spaces.And.Dots_pkey': { kind: 'primary key', name: 'Table With Spaces.And.Dots_pkey', columns: ['Id'] },
          },
          indexes: {
            'idx "q" (1)': {
              name: 'idx "q" (1)',
              unique: false,
              method: 'btree',
              keys: ['"select" DESC', 'lower("user")', '("col (paren), comma" + 1)', '"naïve_табл"'],
              include: [],
            },
          },
          comment: `It's "weird"`,
        }),
      );
      expect(fixture().schema.tables[`"Weird ""Name""".naïve_табл`]).toEqual(
        table(weird, 'naïve_табл', { columns: [{ name: 'select', type: 'integer', notNull: false }] }),
      );
      expect(fixture().schema.tables[`"Weird ""Name""".${longName}`]).toEqual(
        table(weird, longName, { columns: [{ name: 'id', type: 'integer', notNull: false }] }),
      );
    });
  });
}
