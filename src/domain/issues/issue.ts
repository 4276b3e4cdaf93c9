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
  /** A row of 読み替え that would make the center's own sheet, header or word understood (offered in the sidebar). */
  readonly offer?: MappingOffer;
}

/**
 * What the sidebar offers to add to 読み替え (SPEC §2.5) where the product does not recognise something, as the
 * row it would write: its 種類, 対象 and 標準, with the choices the person picks この表での書き方 (or 標準) from.
 */
export type MappingOffer =
  /** A missing sheet: read one of the spreadsheet's sheets as it (the adapter lists them). */
  | { readonly kind: 'sheet'; readonly standard: string; readonly candidates: readonly string[] }
  /** A missing column: read one of the sheet's headers that name nothing yet as it. */
  | { readonly kind: 'header'; readonly sheet: string; readonly standard: string; readonly candidates: readonly string[] }
  /** A word that is no choice: read it as one of the column's choices. */
  | { readonly kind: 'value'; readonly column: string; readonly local: string; readonly choices: readonly string[] };

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
