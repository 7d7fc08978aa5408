import { boolean, integer, sql, table, text, timestamptz, triggerFunction, uuid } from 'pgform';

export const touch = triggerFunction('touch', {
  description: 'Sets updated_at',
  body: sql`
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
`,
});

export const audit = triggerFunction('audit', {
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  INSERT INTO public.audit_log (table_name, operation, note) VALUES (TG_TABLE_NAME, TG_OP, TG_ARGV[0]);
  RETURN NULL;
END;
`,
});

export const auditLog = table('audit_log', {
  columns: {
    id: integer().identity().primaryKey(),
    table_name: text().notNull(),
    operation: text().notNull(),
    note: text(),
    at: timestamptz().notNull().defaultNow(),
  },
});

export const documents = table('documents', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    body: text(),
    archived: boolean().notNull().default(false),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: {
    documents_touch: { timing: 'before', events: ['update'], function: touch, description: 'Keeps updated_at current' },
    documents_title_changed: { timing: 'after', events: ['update'], updateOf: ['title', 'body'], function: audit, arguments: ['title or body', "it's"] },
    documents_unarchive: {
      timing: 'after',
      events: ['update'],
      when: sql`OLD.archived IS DISTINCT FROM NEW.archived AND NOT NEW.archived`,
      function: audit,
      arguments: ['unarchived'],
    },
    documents_bulk: { timing: 'after', events: ['insert', 'delete', 'truncate'], forEach: 'statement', function: audit },
    documents_paused: { timing: 'after', events: ['insert'], function: audit, enabled: 'disabled' },
    documents_replica: { timing: 'after', events: ['delete'], function: audit, enabled: 'always' },
    documents_updated_rows: { timing: 'after', events: ['update'], forEach: 'statement', referencing: { old: 'old_rows', new: 'new_rows' }, function: audit, arguments: ['batch'] },
    documents_removed_rows: { timing: 'after', events: ['delete'], referencing: { old: 'Removed Rows' }, function: audit },
  },
});
