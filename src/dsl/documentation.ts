/** Documentation options shared by every documented definition. */
export interface Documentation {
  /** The description, stored in the database as COMMENT ON. */
  description?: string;
  /** The documentation group, e.g. "Revenue dashboard". */
  group?: string;
  /** Markdown notes rendered in the generated docs. */
  note?: string;
}

/** LintOptions suppress lint rules on one definition: `lint: { allow: { rule_id: 'the reason' } }`. */
export interface LintOptions {
  /** Rule id -> why the rule does not apply here; a reason is required. */
  lint?: { allow: Record<string, string> };
}
