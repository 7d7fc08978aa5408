import type { Extension } from '../../model/schema.js';
import { asJsonRows } from './fragments.js';

/**
 * Installed extensions, whatever namespace they live in: an extension belongs to the database.
 * plpgsql is part of every database and never declared.
 */
export const extensionsSql = asJsonRows(
  `SELECT e.extname::text AS name, n.nspname::text AS schema, e.extversion::text AS version, e.extrelocatable AS relocatable,
     a.default_version::text AS "defaultVersion", obj_description(e.oid, 'pg_extension') AS comment, a.comment AS "defaultComment"
   FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   LEFT JOIN pg_available_extensions a ON a.name = e.extname
   WHERE e.extname <> 'plpgsql'`,
  'x.name',
);

export interface ExtensionRow {
  name: string;
  schema: string;
  version: string;
  relocatable: boolean;
  defaultVersion: string | null;
  comment: string | null;
  defaultComment: string | null;
}

export function toExtension(row: ExtensionRow): Extension {
  return {
    name: row.name,
    schema: row.schema,
    version: row.version,
    ...(row.relocatable ? {} : { relocatable: false }),
    ...(row.defaultVersion !== null ? { defaultVersion: row.defaultVersion } : {}),
    ...ownComment(row),
    ...(row.defaultComment !== null ? { defaultComment: row.defaultComment } : {}),
  };
}

/** The comment when it is not the control file's, which every CREATE EXTENSION sets; `''` when it was removed. */
function ownComment({ comment, defaultComment }: ExtensionRow): Pick<Extension, 'comment'> {
  if (comment === defaultComment) return {};
  return { comment: comment ?? '' };
}
