/**
 * Issues are data, not exceptions: one per bad cell, with a stable code a tool can rely on and a Japanese
 * message for the person who typed it (what is wrong and what would be right).
 */
export type Severity = 'error' | 'warning';

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

/** Stable codes: other tools match on them, so add new ones rather than rename. */
export const ISSUE_CODES = {
  SHEET_MISSING: 'error',
  SETTING_INVALID: 'error',
  HEADER_MISSING: 'error',
  HEADER_DUPLICATE: 'warning',
  REQUIRED: 'error',
  DATE_INVALID: 'error',
  DATE_NOTATION: 'warning',
  DATE_ERA_TRAP: 'warning',
  DATE_FUTURE: 'error',
  CHOICE_UNKNOWN: 'error',
  CHOICE_VARIANT: 'warning',
  CHECKBOX_INVALID: 'warning',
  TEXT_SPACES: 'warning',
  TEXT_WIDTH: 'warning',
  TEXT_TOO_LONG: 'warning',
  TEXT_CONTROL_CHARS: 'warning',
  CELL_ERROR: 'error',
  CELL_FORMULA: 'warning',
  CELL_MERGED: 'error',
  REFERRAL_REASON_MISSING: 'error',
  ABUSE_REPORT_MISSING: 'error',
  ABUSE_REPORT_BEFORE_RECEIPT: 'error',
  ABUSE_REPORT_LATE: 'warning',
  MONTH_INVALID: 'error',
  MONTH_NOTATION: 'warning',
  COUNT_INVALID: 'error',
  COUNT_NOTATION: 'warning',
  OFFICE_NUMBER_INVALID: 'error',
  OFFICE_NUMBER_CHECK_DIGIT: 'warning',
  MUNICIPALITY_DERIVED: 'warning',
  MUNICIPALITY_MISMATCH: 'warning',
  CONTRACT_END_BEFORE_START: 'error',
  CONTRACT_OVERLAP: 'error',
  SELECTION_REASON_MISSING: 'error',
  APPROVAL_MISSING: 'warning',
  APPROVAL_AFTER_START: 'warning',
  DELEGATION_NO_CONTRACT: 'error',
  DELEGATION_DUPLICATE: 'error',
  DELEGATION_NEW_EXCEEDS: 'error',
  EVALUATION_UNANSWERED: 'error',
  EVALUATION_REASON_MISSING: 'warning',
  EVALUATION_INDICATOR_MISSING: 'error',
  EVALUATION_INDICATOR_UNKNOWN: 'warning',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_CODES;

/** The severity belongs to the code, so the same rule never reports itself two ways. */
export function severityOf(code: IssueCode): Severity {
  return ISSUE_CODES[code];
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
