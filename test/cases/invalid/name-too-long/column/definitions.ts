import { table, uuid } from 'pgform';

// 62 characters but 64 bytes: the two "é" take two bytes each.
export const leads = table('leads', { columns: { id: uuid(), ['é'.repeat(2) + 'c'.repeat(60)]: uuid() } });
