import { defaultPrivileges } from 'pgform';

export const reads = defaultPrivileges({ inSchema: 'reporting', on: 'tables', grant: ['select'], to: ['authenticated'] });
