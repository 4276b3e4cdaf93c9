import { ISSUE_CATALOGUE, NOTATION_KINDS } from './catalogue';
import type { Issue, IssueCode, Severity } from './issue';

/*
 * The チェック結果 sidebar lists a check by kind first (issue #20): per sheet, one line per issue code with its
 * count and what the catalogue says of it, and only the cells of the one kind the person opens, a page at a time.
 * A first check of years of history finds thousands of problems; listed cell by cell they are a wall nobody
 * reads, and a list cut at a few hundred hides whole sheets.
 */

/** How many issues one page of a group holds (and how many the view lists before any group is opened). */
export const ISSUE_PAGE_SIZE = 50;

/** One kind of problem in one sheet. */
export interface IssueGroup {
  readonly sheet: string;
  readonly code: IssueCode;
  readonly severity: Severity;
  /** The catalogue's 見出し and 説明: what the sidebar says of the kind comes from there and nowhere else. */
  readonly title: string;
  readonly description: string;
  readonly count: number;
  /** The columns its issues are in, as the sheet names them, in the order met (none for a sheet-level issue). */
  readonly columns: readonly string[];
  /**
   * Whether the whole group may be fixed at once after a preview: every issue carries a suggestion and the code
   * only changes how a value is written (the catalogue's `tidy`, what 表記を整える applies in bulk). A judgement
   * (an era trap, a 所在 that differs from the address) stays one cell at a time.
   */
  readonly bulk: boolean;
}

/** Which group, and which of its pages, the sidebar asks for. */
export interface GroupPageRequest {
  readonly sheet: string;
  readonly code: IssueCode;
  /** The index of the page's first issue within the group (0 for the first page). */
  readonly offset: number;
}

/** A page of one group's issues, in the check's order, with the group's count as of the same check. */
export interface IssuePage {
  readonly sheet: string;
  readonly code: IssueCode;
  readonly offset: number;
  /** Issues per page, so the page can say 「次の50件」 and ask for the next without a constant of its own. */
  readonly size: number;
  readonly total: number;
  readonly issues: readonly Issue[];
}

export function inGroup(issue: Pick<Issue, 'sheet' | 'code'>, group: Pick<IssueGroup, 'sheet' | 'code'>): boolean {
  return issue.sheet === group.sheet && issue.code === group.code;
}

/**
 * The groups of a check: sheets in the order the check met them (設定, 読み替え, then the registry's order),
 * within a sheet errors before warnings, then the kind met first (in the check's row order) first. Every issue is
 * in exactly one group, so the counts add up to the summary's.
 */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const sheets = new Map<string, Map<IssueCode, { first: Issue; count: number; columns: Set<string>; suggested: number }>>();
  for (const issue of issues) {
    let kinds = sheets.get(issue.sheet);
    if (!kinds) sheets.set(issue.sheet, (kinds = new Map()));
    let kind = kinds.get(issue.code);
    if (!kind) kinds.set(issue.code, (kind = { first: issue, count: 0, columns: new Set(), suggested: 0 }));
    kind.count++;
    if (issue.column !== '') kind.columns.add(issue.column);
    if (issue.suggestion !== undefined) kind.suggested++;
  }
  const groups: IssueGroup[] = [];
  for (const [sheet, kinds] of sheets) {
    const ordered = [...kinds.entries()];
    // A stable sort: kinds of the same severity keep the order they were met in.
    ordered.sort(([, a], [, b]) => (a.first.severity === b.first.severity ? 0 : a.first.severity === 'error' ? -1 : 1));
    for (const [code, kind] of ordered) {
      const entry = ISSUE_CATALOGUE[code];
      groups.push({
        sheet,
        code,
        severity: kind.first.severity,
        title: entry.title,
        description: entry.description,
        count: kind.count,
        columns: [...kind.columns],
        bulk: NOTATION_KINDS[code] !== undefined && kind.suggested === kind.count,
      });
    }
  }
  return groups;
}

/**
 * A page of a group. An offset past the group's end (its last cells were fixed meanwhile) gives its last page, and
 * one between two pages the page that holds it, so that a stale request still shows what is there now.
 */
export function issuePage(issues: readonly Issue[], request: GroupPageRequest, size: number = ISSUE_PAGE_SIZE): IssuePage {
  const members = issues.filter((i) => inGroup(i, request));
  const lastPage = members.length === 0 ? 0 : Math.floor((members.length - 1) / size) * size;
  const offset = Math.min(Math.floor(Math.max(0, request.offset) / size) * size, lastPage);
  return { sheet: request.sheet, code: request.code, offset, size, total: members.length, issues: members.slice(offset, offset + size) };
}

/** Issues that say the same thing of different cells: the first, and the cells of all of them in the check's order. */
export interface SameIssues {
  readonly first: Issue;
  readonly cells: readonly string[];
}

/**
 * The issues of a check with those that say exactly the same (sheet, code, message, suggestion: the same word
 * written the same wrong way down a column, the same required column left empty) taken together, at the place of
 * the first. The runner's text lists each problem once with its cells, as the sidebar lists each kind once: a
 * first check of a real ledger finds the same few problems on thousands of rows.
 */
export function sameIssues(issues: readonly Issue[]): SameIssues[] {
  const byText = new Map<string, { first: Issue; cells: string[] }>();
  for (const issue of issues) {
    const key = JSON.stringify([issue.sheet, issue.code, issue.message, issue.suggestion ?? null]);
    const same = byText.get(key);
    if (same) same.cells.push(issue.cell);
    else byText.set(key, { first: issue, cells: [issue.cell] });
  }
  return [...byText.values()];
}
