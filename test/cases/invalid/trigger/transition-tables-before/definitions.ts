import { sql, table, timestamptz, triggerFunction, uuid } from 'pgform';

export const touch = triggerFunction('touch', { body: sql`BEGIN RETURN NEW; END;` });

export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), updated_at: timestamptz() },
  triggers: {
    leads_touch: { timing: 'before', events: ['update'], referencing: { new: 'new_rows' }, function: touch },
  },
});
