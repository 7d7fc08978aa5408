import { integer, sql, table, text, triggerFunction, view } from 'pgform';

export const items = table('items', {
  columns: { id: integer().primaryKey(), name: text().notNull() },
});

export const writeItem = triggerFunction('write_item', {
  body: sql`BEGIN INSERT INTO public.items VALUES (NEW.id, NEW.name); RETURN NEW; END`,
});

export const itemNames = view('item_names', {
  query: sql`SELECT id, name FROM public.items`,
  triggers: {
    item_names_insert: { timing: 'instead of', events: ['insert', 'update'], function: writeItem, description: 'writes through' },
    item_names_audit: { timing: 'after', events: ['insert'], forEach: 'statement', function: writeItem, arguments: ['audit'] },
  },
});
