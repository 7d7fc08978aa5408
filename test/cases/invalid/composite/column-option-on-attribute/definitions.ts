import { compositeType, text } from 'pgform';

export const address = compositeType('address', { attributes: { street: text().notNull(), zip: text() } });
