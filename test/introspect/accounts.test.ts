import { describe, expect, it } from 'vitest';
import type { Index } from '../../src/model/schema.js';
import { testEngines } from './databases.js';
import { grant, useFixture } from './fixture.js';

const btree = (name: string, keys: string[], extra: Partial<Index> = {}): Index => ({
  name,
  unique: false,
  method: 'btree',
  keys,
  include: [],
  ...extra,
});

for (const engine of testEngines) {
  describe.skipIf(engine.unavailable !== undefined)(`crm.accounts on ${engine.name}`, () => {
    const fixture = useFixture(engine);
    const accounts = () => fixture().schema.tables['crm.accounts']!;

    it('reads every column option in attribute order', () => {
      expect(accounts().columns).toEqual([
        { name: 'id', type: 'bigint', notNull: true, identity: 'always' },
        { name: 'code', type: 'character varying(12)', notNull: true, collation: 'C', comment: 'Short code' },
        { name: 'name', type: 'text', notNull: true },
        { name: 'tags', type: 'text[]', notNull: true, default: "'{}'::text[]" },
        { name: 'balance', type: 'numeric(12,2)', notNull: false, default: '0' },
        { name: 'status', type: 'crm.lead_status', notNull: true, default: "'new'::crm.lead_status" },
        { name: 'contact', type: 'crm.email', notNull: false },
        { name: 'handle', type: 'crm.citext', notNull: false },
        { name: 'profile', type: 'jsonb', notNull: false },
        { name: 'created_at', type: 'timestamp with time zone', notNull: true, default: 'now()' },
        { name: 'starts_at', type: 'timestamp without time zone', notNull: false, default: "'2024-01-02 03:04:05'::timestamp without time zone" },
        { name: 'name_upper', type: 'text', notNull: false, generated: 'upper(name)' },
        { name: 'legacy_id', type: 'integer', notNull: true, identity: 'by default' },
        { name: 'area', type: 'box', notNull: false },
      ]);
    });

    it('reads primary key, unique, check and exclusion constraints, and no NOT NULL ones', () => {
      expect(accounts().constraints).toEqual({
        accounts_code_key: { kind: 'unique', name: 'accounts_code_key', columns: ['code'] },
        accounts_pkey: { kind: 'primary key', name: 'accounts_pkey', columns: ['id'] },
        balance_positive: { kind: 'check', name: 'balance_positive', expression: 'balance >= 0::numeric', comment: 'No debts' },
        no_overlap: { kind: 'exclude', name: 'no_overlap', definition: 'EXCLUDE USING gist (area WITH &&)' },
      });
    });

    it('reads indexes with ordering, collation, operator classes, methods, INCLUDE and predicates', () => {
      expect(accounts().indexes).toEqual({
        accounts_active: btree('accounts_active', ['name'], { where: "(status <> 'lost'::crm.lead_status)" }),
        accounts_code_include: btree('accounts_code_include', ['code'], { include: ['name', 'balance'] }),
        accounts_code_pattern: btree('accounts_code_pattern', ['code varchar_pattern_ops']),
        accounts_created_brin: btree('accounts_created_brin', ['created_at'], { method: 'brin' }),
        accounts_created_first: btree('accounts_created_first', ['created_at NULLS FIRST', 'id DESC']),
        accounts_lower_name: btree('accounts_lower_name', ['lower(name)'], { unique: true, comment: 'Case-insensitive names' }),
        accounts_name_c: btree('accounts_name_c', ['name COLLATE "C"', `(name || 'x'::text) COLLATE "C"`]),
        accounts_name_hash: btree('accounts_name_hash', ['name'], { method: 'hash' }),
        accounts_profile: btree('accounts_profile', ['profile jsonb_path_ops'], { method: 'gin' }),
        accounts_status_created: btree('accounts_status_created', ['status', 'created_at DESC NULLS LAST']),
        accounts_tags: btree('accounts_tags', ['tags'], { method: 'gin' }),
      });
    });

    it('reads triggers: timing, events, UPDATE OF, level, WHEN, arguments and enabled state', () => {
      expect(accounts().triggers).toEqual({
        accounts_audit: {
          name: 'accounts_audit',
          timing: 'AFTER',
          events: ['INSERT', 'UPDATE', 'DELETE'],
          level: 'STATEMENT',
          function: 'crm.audit',
          arguments: ['accounts', "it's", 'x\\y', ''],
          enabled: 'origin',
        },
        accounts_touch: {
          name: 'accounts_touch',
          timing: 'BEFORE',
          events: ['UPDATE'],
          updateOf: ['status', 'name'],
          level: 'ROW',
          when: "old.status IS DISTINCT FROM new.status AND new.name <> 'a ) b'::text",
          function: 'crm.touch',
          arguments: [],
          enabled: 'origin',
          comment: 'Keeps created_at fresh',
        },
        accounts_truncate: {
          name: 'accounts_truncate',
          timing: 'AFTER',
          events: ['TRUNCATE'],
          level: 'STATEMENT',
          function: 'crm.audit',
          arguments: [],
          enabled: 'disabled',
        },
      });
    });

    it('reads permissive and restrictive policies with their roles, RLS and grants', () => {
      expect(accounts().policies).toEqual({
        accounts_all: { name: 'accounts_all', command: 'ALL', permissive: true, roles: ['public'], using: 'true' },
        accounts_insert: {
          name: 'accounts_insert',
          command: 'INSERT',
          permissive: true,
          roles: ['public'],
          withCheck: "(status = 'new'::crm.lead_status)",
        },
        accounts_read: {
          name: 'accounts_read',
          command: 'SELECT',
          permissive: true,
          roles: ['pgform_test_reader', 'pgform_test_writer'],
          using: "(status <> 'lost'::crm.lead_status)",
          comment: 'Lost accounts are hidden',
        },
        accounts_write: {
          name: 'accounts_write',
          command: 'UPDATE',
          permissive: false,
          roles: ['pgform_test_writer'],
          using: 'true',
          withCheck: '(balance >= (0)::numeric)',
        },
      });
      expect(accounts().rls).toEqual({ enabled: true, forced: true });
      expect(accounts().grants).toEqual([grant('PUBLIC', ['SELECT']), grant('pgform_test_reader', ['INSERT', 'SELECT'])]);
      expect(accounts().comment).toBe('Companies we sell to');
    });
  });
}
