import type { Change } from '../../model/change.js';
import { builtinGrants } from '../../model/default-privileges.js';
import type { DefaultPrivilege } from '../../model/schema.js';
import { ident } from '../../sql/quote.js';
import { grantStatements } from './security.js';
import type { Render } from './step.js';

const objectWords: Record<DefaultPrivilege['on'], string> = { tables: 'TABLES', sequences: 'SEQUENCES', functions: 'FUNCTIONS', types: 'TYPES', schemas: 'SCHEMAS' };

/**
 * ALTER DEFAULT PRIVILEGES grants and revokes per role, like GRANT on an object. A global entry
 * that does not exist stands for PostgreSQL's built-in default (PUBLIC may execute functions and
 * use types), so adding or removing one starts or ends there; a schema's entry starts empty.
 */
export const setDefaultPrivileges: Render<Extract<Change, { kind: 'set default privileges' }>> = ({ from, to }) => {
  const entry = (to ?? from)!;
  const absent = entry.inSchema === undefined ? builtinGrants(entry.on) : [];
  const forRole = entry.forRole !== undefined ? `FOR ROLE ${ident(entry.forRole)} ` : '';
  const inSchema = entry.inSchema !== undefined ? `IN SCHEMA ${ident(entry.inSchema)} ` : '';
  // Revoking a default privilege takes nothing away from existing objects: no BREAKS_ACCESS.
  return grantStatements(from?.grants ?? absent, to?.grants ?? absent, { on: objectWords[entry.on], prefix: `ALTER DEFAULT PRIVILEGES ${forRole}${inSchema}` });
};
