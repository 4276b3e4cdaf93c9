import fc from 'fast-check';
import { ISSUE_CATALOGUE, type IssueCode, severityOf } from '../../src/domain/issues/catalogue';
import { groupIssues, issuePage, sameIssues } from '../../src/domain/issues/groups';
import { type Issue, summarize } from '../../src/domain/issues/issue';

/** The チェック結果 sidebar's kinds (issue #20): a check by sheet and issue code, and a page of one kind at a time. */

function issue(sheet: string, row: number, code: IssueCode, column = '受付日', suggestion?: string): Issue {
  return {
    sheet,
    row,
    column,
    cell: `A${row}`,
    code,
    severity: severityOf(code),
    message: `${sheet}!A${row} の問題`,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

describe('groupIssues', () => {
  test('per sheet in the order met, errors before warnings, kinds met first first; counts and words from the catalogue', () => {
    const issues = [
      issue('相談記録', 3, 'DATE_NOTATION', '受付日', '2026-10-03'),
      issue('相談記録', 3, 'CHOICE_VARIANT', '相談方法', '電話'),
      issue('相談記録', 4, 'DATE_INVALID'),
      issue('相談記録', 5, 'DATE_NOTATION', '市への報告日', '2026-10-05'),
      issue('委託契約', 2, 'SELECTION_REASON_MISSING', '選定理由'),
      issue('相談記録', 6, 'REQUIRED', '相談方法'),
    ];
    const groups = groupIssues(issues);
    expect(groups.map((g) => [g.sheet, g.code, g.severity, g.count])).toEqual([
      ['相談記録', 'DATE_INVALID', 'error', 1],
      ['相談記録', 'REQUIRED', 'error', 1],
      ['相談記録', 'DATE_NOTATION', 'warning', 2],
      ['相談記録', 'CHOICE_VARIANT', 'warning', 1],
      ['委託契約', 'SELECTION_REASON_MISSING', 'error', 1],
    ]);
    const notation = groups.find((g) => g.code === 'DATE_NOTATION');
    expect(notation?.title).toBe(ISSUE_CATALOGUE.DATE_NOTATION.title);
    expect(notation?.description).toBe(ISSUE_CATALOGUE.DATE_NOTATION.description);
    expect(notation?.columns).toEqual(['受付日', '市への報告日']);
  });

  test('the same code in two sheets is two kinds', () => {
    const groups = groupIssues([issue('相談記録', 3, 'DATE_NOTATION', '受付日', 'x'), issue('委託契約', 3, 'DATE_NOTATION', '契約開始日', 'y')]);
    expect(groups.map((g) => [g.sheet, g.count])).toEqual([
      ['相談記録', 1],
      ['委託契約', 1],
    ]);
  });

  test('a sheet-level issue names no column', () => {
    expect(groupIssues([issue('相談記録', 1, 'SHEET_MISSING', '')])[0]?.columns).toEqual([]);
  });

  test('fixed at once only when the code is a matter of notation and every issue carries a suggestion', () => {
    const bulk = (issues: Issue[]): boolean | undefined => groupIssues(issues)[0]?.bulk;
    expect(bulk([issue('相談記録', 3, 'CHOICE_VARIANT', '相談方法', '電話'), issue('相談記録', 4, 'CHOICE_VARIANT', '相談方法', '来所')])).toBe(true);
    // One without a suggestion: the kind is fixed cell by cell.
    expect(bulk([issue('相談記録', 3, 'CHOICE_VARIANT', '相談方法', '電話'), issue('相談記録', 4, 'CHOICE_VARIANT', '相談方法')])).toBe(false);
    // A judgement (an era trap), even with every suggestion there.
    expect(bulk([issue('相談記録', 3, 'DATE_ERA_TRAP', '受付日', '2020-05-01')])).toBe(false);
    expect(bulk([issue('相談記録', 3, 'DATE_INVALID')])).toBe(false);
  });

  test('every issue is in exactly one kind: the counts add up to the summary, and the kinds are distinct', () => {
    const codes = Object.keys(ISSUE_CATALOGUE) as IssueCode[];
    const anIssue = fc
      .record({
        sheet: fc.constantFrom('相談記録', '委託契約', '委託実績'),
        row: fc.integer({ min: 1, max: 50 }),
        code: fc.constantFrom(...codes),
        suggested: fc.boolean(),
      })
      .map(({ sheet, row, code, suggested }) => issue(sheet, row, code, '列', suggested ? 'x' : undefined));
    fc.assert(
      fc.property(fc.array(anIssue, { maxLength: 60 }), (issues) => {
        const groups = groupIssues(issues);
        const summary = summarize(issues);
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(summary.errors + summary.warnings);
        expect(groups.filter((g) => g.severity === 'error').reduce((n, g) => n + g.count, 0)).toBe(summary.errors);
        expect(new Set(groups.map((g) => `${g.sheet}/${g.code}`)).size).toBe(groups.length);
        // Within each sheet no warning comes before an error.
        for (const [i, g] of groups.entries()) {
          const next = groups[i + 1];
          if (next && next.sheet === g.sheet) expect(g.severity === 'warning' && next.severity === 'error').toBe(false);
        }
      }),
    );
  });
});

describe('issuePage', () => {
  const many = Array.from({ length: 120 }, (_, i) => issue('相談記録', i + 3, i % 2 === 0 ? 'DATE_NOTATION' : 'CHOICE_VARIANT', '受付日', 'x'));
  const cells = (issues: readonly Issue[]): string[] => issues.map((i) => i.cell);

  test('a page of the kind only, in the check’s order, with the kind’s count and the page size', () => {
    const page = issuePage(many, { sheet: '相談記録', code: 'DATE_NOTATION', offset: 0 }, 50);
    expect([page.offset, page.size, page.total, page.issues.length]).toEqual([0, 50, 60, 50]);
    expect(cells(page.issues).slice(0, 3)).toEqual(['A3', 'A5', 'A7']);
    expect(page.issues.every((i) => i.code === 'DATE_NOTATION')).toBe(true);
  });

  test('the last page holds the rest', () => {
    const page = issuePage(many, { sheet: '相談記録', code: 'DATE_NOTATION', offset: 50 }, 50);
    expect(cells(page.issues)).toEqual(['A103', 'A105', 'A107', 'A109', 'A111', 'A113', 'A115', 'A117', 'A119', 'A121']);
  });

  test('an offset past the end gives the last page; one between pages, the page that holds it; a negative one, the first', () => {
    const at = (offset: number): number => issuePage(many, { sheet: '相談記録', code: 'DATE_NOTATION', offset }, 50).offset;
    expect(at(500)).toBe(50);
    expect(at(60)).toBe(50);
    expect(at(49)).toBe(0);
    expect(at(-3)).toBe(0);
    // Exactly one page: its only page.
    expect(issuePage(many.slice(0, 100), { sheet: '相談記録', code: 'DATE_NOTATION', offset: 50 }, 50).offset).toBe(0);
  });

  test('a kind that is gone: nothing, counted 0', () => {
    const page = issuePage(many, { sheet: '委託契約', code: 'DATE_NOTATION', offset: 50 }, 50);
    expect([page.offset, page.total, page.issues]).toEqual([0, 0, []]);
  });

  test('50 to a page unless told', () => {
    expect(issuePage(many, { sheet: '相談記録', code: 'CHOICE_VARIANT', offset: 0 }).issues).toHaveLength(50);
  });
});

describe('sameIssues: the runner lists each problem once, with its cells', () => {
  const said = (sheet: string, cell: string, message: string, suggestion?: string): Issue => ({
    sheet,
    row: Number(cell.slice(1)),
    column: '相談方法',
    cell,
    code: 'CHOICE_VARIANT',
    severity: 'warning',
    message,
    ...(suggestion === undefined ? {} : { suggestion }),
  });
  const tel = '「相談方法」の「TEL」は「電話」のことと読みました。';
  const fax = '「相談方法」の「FAX」は「メール・FAX」のことと読みました。';

  test('the same sentence of the same sheet is one problem, at the place of its first cell; another sheet or sentence is another', () => {
    const issues = [
      said('相談記録', 'D3', tel, '電話'),
      said('相談記録', 'D4', fax, 'メール・FAX'),
      said('相談記録', 'D7', tel, '電話'),
      said('相談台帳', 'D7', tel, '電話'),
      said('相談記録', 'D9', tel, '電話'),
      // The same sentence with another suggestion is not the same problem.
      said('相談記録', 'D10', tel, '来所'),
    ];
    expect(sameIssues(issues).map((s) => [s.first.sheet, s.first.cell, s.cells])).toEqual([
      ['相談記録', 'D3', ['D3', 'D7', 'D9']],
      ['相談記録', 'D4', ['D4']],
      ['相談台帳', 'D7', ['D7']],
      ['相談記録', 'D10', ['D10']],
    ]);
  });

  test('every issue is in exactly one entry', () => {
    const issues = Array.from({ length: 40 }, (_, i) => said(i % 3 === 0 ? '相談台帳' : '相談記録', `D${i + 2}`, i % 2 === 0 ? tel : fax));
    expect(sameIssues(issues).reduce((n, s) => n + s.cells.length, 0)).toBe(40);
    expect(sameIssues(issues)).toHaveLength(4);
  });
});
