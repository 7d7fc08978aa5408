import { enumType, table, uuid } from 'pgform';

export const leadStatus = enumType('lead_status', ['new', 'contacted', 'new']);

export const leads = table('leads', { columns: { id: uuid().primaryKey(), status: leadStatus.column() } });
