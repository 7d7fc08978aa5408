import { table, timestamptz, uuid } from 'pgform';

export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), updated_at: timestamptz() },
  triggers: {
    leads_touch: { timing: 'before', events: ['update'], function: 'public.set_updated_at' },
  },
});
