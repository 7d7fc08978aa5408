import type { Change, Hazard } from '../../model/change.js';

/** A Statement is one SQL statement a renderer produces for a change. */
export interface Statement {
  sql: string;
  hazards?: Hazard[];
  /** False for statements PostgreSQL refuses inside a transaction block. */
  transactional?: boolean;
}

/** A Render turns one change into statements. */
export type Render<C extends Change = Change> = (change: C) => Statement[];

export type Renderers = { [K in Change['kind']]: Render<Extract<Change, { kind: K }>> };

export const statement = (sql: string, hazards?: Hazard[]): Statement => (hazards?.length ? { sql, hazards } : { sql });
