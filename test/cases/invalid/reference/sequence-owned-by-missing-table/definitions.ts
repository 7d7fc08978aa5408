import { sequence } from 'pgform';

export const ticketNo = sequence('ticket_no', { ownedBy: { table: 'tickets', column: 'number' } });
