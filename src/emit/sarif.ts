import type { SourceLocation } from '../model/schema.js';

/** A SarifResult is one reported problem, at a file and line when it has one. */
export interface SarifResult {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  location?: SourceLocation;
  /** Extra facts about the result (SARIF's property bag), e.g. the fleet targets it was seen on. */
  properties?: Record<string, unknown>;
}

/**
 * A SARIF 2.1.0 log of one pgform run, for code scanning: the rules with their descriptions, in
 * the order given, and one result per problem, located at its definition when it has one.
 */
export function renderSarif(version: string, rules: { id: string; description: string }[], results: SarifResult[]): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pgform', version, informationUri: 'https://www.npmjs.com/package/pgform', rules: rules.map((rule) => ({ id: rule.id, shortDescription: { text: rule.description } })) } },
        results: results.map((result) => ({
          ruleId: result.ruleId,
          level: result.level,
          message: { text: result.message },
          ...(result.location ? { locations: [{ physicalLocation: { artifactLocation: { uri: result.location.file }, region: { startLine: result.location.line } } }] } : {}),
          ...(result.properties ? { properties: result.properties } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** A GitHub Actions workflow command: an annotation at the file and line when there is one. */
export function githubAnnotation(level: 'error' | 'warning' | 'notice', title: string, message: string, location?: SourceLocation): string {
  const escape = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const where = location ? ` file=${escapeProperty(location.file)},line=${location.line}` : '';
  return `::${level}${where ? `${where},` : ' '}title=${escapeProperty(title)}::${escape(message)}\n`;
}
