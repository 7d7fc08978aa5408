import { rpc, sql, table, text, triggerFunction, uuid } from 'pgform';

export const canSee = rpc('can_see', {
  args: { owner: 'uuid', shared: { type: 'boolean', default: sql`false` } },
  returns: 'boolean',
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT shared OR owner = auth.uid()`,
});

export const stamp = triggerFunction('stamp_note', { renamedFrom: 'stamp', body: sql`BEGIN NEW.note := coalesce(NEW.note, 'fresh'); RETURN NEW; END;` });

export const notes = table('notes', {
  columns: { id: uuid().primaryKey().defaultRandom(), owner_id: uuid().notNull(), note: text() },
  triggers: { notes_stamp: { timing: 'before', events: ['insert', 'update'], function: stamp } },
  rls: true,
  policies: { 'Owners see notes': { for: 'select', to: 'authenticated', using: sql`public.can_see(owner_id, false)` } },
});
