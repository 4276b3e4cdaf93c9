import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ISSUE_CATALOGUE } from '../../src/domain/issues/catalogue';
import { checksDoc } from '../../src/domain/issues/checks-doc';

/**
 * docs/CHECKS.md is generated from the catalogue (`npm run docs`); these tests keep the page current and the
 * catalogue honest: every code in it is reported somewhere, and nothing is reported that it does not list.
 */
const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/** The catalogue itself and the demo data (which names codes only to label the mess it plants) report nothing. */
const NOT_REPORTING = ['domain/issues/', 'domain/issue.ts', 'sample/'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const CODE = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'/g;

/**
 * Where a code is reported: the code argument of `r.report(key, code, …)`, `issueMessage(code, …)`,
 * `sheetIssue(sheet, code, …)` and `severityOf(code)`, the `code:` of an issue built by hand, or the codes a
 * calendar kind reports (`invalid:`/`notation:` in values/fields). The argument may be an expression
 * (`blank ? 'REQUIRED' : 'DATE_INVALID'`); every code literal in it counts.
 */
const REPORTING = [
  /\.report\(\s*[^,]+,\s*([^,]+),/g,
  /\bissueMessage\(\s*([^,]+),/g,
  /\bsheetIssue\(\s*[^,]+,\s*([^,]+),/g,
  /\bseverityOf\(\s*([^)]+)\)/g,
  /\bcode:\s*([^,\n]+)/g,
  /\b(?:invalid|notation):\s*([^,\n]+)/g,
];

function reportedCodes(): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const path = relative(SRC, file).replace(/\\/g, '/');
    if (NOT_REPORTING.some((prefix) => path.startsWith(prefix))) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of REPORTING) {
      for (const call of text.matchAll(pattern)) {
        for (const literal of (call[1] ?? '').matchAll(CODE)) {
          const code = literal[1] as string;
          const files = where.get(code) ?? [];
          if (!files.includes(path)) where.set(code, [...files, path]);
        }
      }
    }
  }
  return where;
}

describe('docs/CHECKS.md', () => {
  test('is what `npm run docs` makes from the catalogue now', () => {
    const page = readFileSync(join(ROOT, 'docs', 'CHECKS.md'), 'utf8');
    // On failure: run `npm run docs` and commit docs/CHECKS.md with the catalogue change.
    expect(page).toBe(checksDoc());
  });

  test('has one row per code of the catalogue, with its severity in Japanese', () => {
    const rows = checksDoc()
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    expect(rows.map((row) => /^\| `([A-Z_]+)`/.exec(row)?.[1])).toEqual(Object.keys(ISSUE_CATALOGUE));
    expect(rows.find((row) => row.startsWith('| `DATE_INVALID`'))).toContain('| エラー | 日付として読めない |');
    expect(rows.find((row) => row.startsWith('| `DATE_NOTATION`'))).toContain('| 注意 | 西暦でない日付 |');
  });
});

describe('the catalogue and the source agree', () => {
  const reported = reportedCodes();

  test('every code of the catalogue is reported somewhere in src', () => {
    const never = Object.keys(ISSUE_CATALOGUE).filter((code) => !reported.has(code));
    expect(never).toEqual([]);
  });

  test('every code reported in src is in the catalogue', () => {
    const unknown = [...reported.keys()].filter((code) => !(code in ISSUE_CATALOGUE)).map((code) => `${code} (${reported.get(code)?.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  test('the scan finds reports in each of the forms the source uses', () => {
    // A scan that silently matched nothing would pass the two tests above for the wrong reason.
    expect(reported.get('MONTH_INVALID')).toEqual(['domain/values/fields.ts']);
    expect(reported.get('CONTRACT_OVERLAP')).toEqual(['domain/sheets/contracts.ts']);
    expect(reported.get('SETTING_INVALID')).toEqual(expect.arrayContaining(['domain/sheets/settings.ts']));
    expect(reported.get('SHEET_MISSING')).toEqual(expect.arrayContaining(['domain/sheets/workbook-check.ts']));
    expect(reported.get('HEADER_DUPLICATE')).toEqual(expect.arrayContaining(['domain/sheets/workbook-check.ts']));
  });
});
