/** Documentation options shared by every documented definition. */
export interface Documentation {
  /** The description, stored in the database as COMMENT ON. */
  description?: string;
  /** The documentation group, e.g. "Revenue dashboard". */
  group?: string;
  /** Markdown notes rendered in the generated docs. */
  note?: string;
}
