import { compareIssues, summarize, type Issue } from '../../src/domain/issues/issue';

/** Issue counts and the order the sidebar and the CLI show issues in, within one sheet. */

function issue(row: number, cell: string, severity: Issue['severity']): Issue {
  return {
    sheet: '相談記録',
    row,
    column: '受付日',
    cell,
    code: severity === 'error' ? 'DATE_INVALID' : 'DATE_NOTATION',
    severity,
    message: `${cell} の問題`,
  };
}

describe('summarize', () => {
  test('no issues: no errors and no warnings', () => {
    expect(summarize([])).toEqual({ errors: 0, warnings: 0 });
  });

  test('counts errors and warnings apart', () => {
    const issues = [issue(2, 'A2', 'error'), issue(2, 'B2', 'warning'), issue(3, 'A3', 'error'), issue(4, 'C4', 'warning'), issue(5, 'D5', 'warning')];
    expect(summarize(issues)).toEqual({ errors: 2, warnings: 3 });
  });

  test('only warnings, and only errors', () => {
    expect(summarize([issue(2, 'A2', 'warning')])).toEqual({ errors: 0, warnings: 1 });
    expect(summarize([issue(2, 'A2', 'error'), issue(3, 'A3', 'error')])).toEqual({ errors: 2, warnings: 0 });
  });
});

describe('compareIssues', () => {
  test('an earlier row comes first, whatever its severity and cell', () => {
    const early = issue(2, 'Z2', 'warning');
    const late = issue(5, 'A5', 'error');
    expect(compareIssues(early, late)).toBeLessThan(0);
    expect(compareIssues(late, early)).toBeGreaterThan(0);
  });

  test('in the same row, an error comes before a warning, whatever the cells', () => {
    const error = issue(3, 'Z3', 'error');
    const warning = issue(3, 'A3', 'warning');
    expect(compareIssues(error, warning)).toBe(-1);
    expect(compareIssues(warning, error)).toBe(1);
  });

  test('same row and severity: a shorter address (a column further left) comes first', () => {
    const b = issue(3, 'B3', 'error');
    const aa = issue(3, 'AA3', 'error');
    expect(compareIssues(b, aa)).toBeLessThan(0);
    expect(compareIssues(aa, b)).toBeGreaterThan(0);
  });

  test('same row, severity and address length: left to right by the letters', () => {
    const a = issue(3, 'A3', 'warning');
    const c = issue(3, 'C3', 'warning');
    expect(compareIssues(a, c)).toBe(-1);
    expect(compareIssues(c, a)).toBe(1);
  });

  test('the same cell, row and severity compare equal', () => {
    expect(compareIssues(issue(3, 'C3', 'error'), issue(3, 'C3', 'error'))).toBe(0);
  });

  test('sorting gives rows in order, errors first in a row, then left to right', () => {
    const issues = [
      issue(4, 'A4', 'warning'),
      issue(3, 'AB3', 'warning'),
      issue(3, 'C3', 'warning'),
      issue(3, 'AA3', 'error'),
      issue(3, 'B3', 'error'),
      issue(2, 'D2', 'warning'),
      issue(3, 'A3', 'warning'),
    ];
    expect([...issues].sort(compareIssues).map((i) => `${i.cell} ${i.severity}`)).toEqual([
      'D2 warning',
      'B3 error',
      'AA3 error',
      'A3 warning',
      'C3 warning',
      'AB3 warning',
      'A4 warning',
    ]);
  });
});
