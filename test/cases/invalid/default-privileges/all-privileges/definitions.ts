import { defaultPrivileges } from 'pgform';

export const everything = defaultPrivileges({ inSchema: 'public', on: 'tables', grant: ['all'], to: ['authenticated'] });
