import { compositeType, text } from 'pgform';

export const address = compositeType('address', { attributes: { street: text(), country: 'country_code' } });
