import type { IssueCode, Severity } from './catalogue';

export { type IssueCode, type Severity, severityOf } from './catalogue';

/**
 * Issues are data, not exceptions: one per bad cell, with a stable code a tool can rely on and a Japanese
 * message for the person who typed it (what is wrong and what would be right). What each code means, and the
 * sentence it says, is in the catalogue (./catalogue.ts).
 */
export interface Issue {
  readonly sheet: string;
  /** Row number as the spreadsheet shows it (1-based). */
  readonly row: number;
  /** Header text as it stands in the sheet (or the canonical name when the column is missing). */
  readonly column: string;
  /** A1 address of the cell, or of the header cell for sheet-level issues. */
  readonly cell: string;
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
  /** The value that would be right, when one can be derived (shown in the sidebar, applied on request). */
  readonly suggestion?: string;
}

export interface IssueSummary {
  readonly errors: number;
  readonly warnings: number;
}

export function summarize(issues: readonly Issue[]): IssueSummary {
  let errors = 0;
  for (const issue of issues) if (issue.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}

/** Within a sheet: row, then errors before warnings, then left to right — the order the sidebar and the CLI show. */
export function compareIssues(a: Issue, b: Issue): number {
  if (a.row !== b.row) return a.row - b.row;
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return a.cell.length - b.cell.length || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0);
}
